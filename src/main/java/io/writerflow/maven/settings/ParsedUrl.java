package io.writerflow.maven.settings;

import java.util.Optional;

/**
 * A database URL and the auth token its query carried ({@code ?authToken=...}), which @libsql/client takes as the
 * token; the URL itself never holds it.
 */
public record ParsedUrl(DatabaseUrl url, Optional<AuthToken> authToken) {
}
