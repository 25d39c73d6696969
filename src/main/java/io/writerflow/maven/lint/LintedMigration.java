package io.writerflow.maven.lint;

import java.util.List;

/**
 * A migration the lint looked at and what it found there, in line order.
 *
 * @param tag      {@code 0003_users}
 * @param file     {@code drizzle/0003_users.sql}
 * @param name     the file within the migrations directory, {@code 0003_users.sql} or {@code <folder>/migration.sql}:
 *                 how the build log's lines name it under their migration
 * @param cleared  data-dependent findings the configured database answered: no row there would fail them (see
 *                 {@link io.writerflow.maven.lint.data.DataChecks}); listed, never failing
 */
public record LintedMigration(String tag, String file, String name, List<Finding> findings, List<Finding> cleared) {

    public LintedMigration {
        findings = List.copyOf(findings);
        cleared = List.copyOf(cleared);
    }

    public LintedMigration(String tag, String file, String name, List<Finding> findings) {
        this(tag, file, name, findings, List.of());
    }
}
