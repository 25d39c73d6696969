package io.writerflow.maven.fleet;

import io.writerflow.maven.settings.DatabaseUrl;

/**
 * One database of a fleet: its name (unique in the list), its URL (never carrying a token), and where it was
 * declared ({@code file:line}), named in messages.
 */
public record FleetTarget(String name, DatabaseUrl url, String declaredAt) {

    /** The URL as messages and reports show it: without secrets. */
    public String display() {
        return url.display();
    }
}
