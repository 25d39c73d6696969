package io.writerflow.maven.engine;

import io.writerflow.maven.migrations.Migration;

import java.sql.SQLException;
import java.util.Map;

/** A migration that would commit rows violating foreign keys; found before its commit. */
final class ForeignKeyViolationException extends SQLException {

    private final transient Migration migration;
    private final transient Map<String, Integer> violationsByReference;

    ForeignKeyViolationException(Migration migration, Map<String, Integer> violationsByReference) {
        super(migration.tag() + " violates foreign keys: " + violationsByReference);
        this.migration = migration;
        this.violationsByReference = Map.copyOf(violationsByReference);
    }

    Migration migration() {
        return migration;
    }

    /** "child -> parent" to the number of child rows without a parent. */
    Map<String, Integer> violationsByReference() {
        return violationsByReference;
    }
}
