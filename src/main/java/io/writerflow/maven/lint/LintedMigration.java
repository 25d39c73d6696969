package io.writerflow.maven.lint;

import java.util.List;

/**
 * A migration the lint looked at and what it found there, in line order.
 *
 * @param tag  {@code 0003_users}
 * @param file {@code drizzle/0003_users.sql}
 * @param name the file within the migrations directory, {@code 0003_users.sql} or {@code <folder>/migration.sql}:
 *             how the build log's lines name it under their migration
 */
public record LintedMigration(String tag, String file, String name, List<Finding> findings) {

    public LintedMigration {
        findings = List.copyOf(findings);
    }
}
