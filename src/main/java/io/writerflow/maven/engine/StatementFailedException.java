package io.writerflow.maven.engine;

import io.writerflow.maven.engine.steps.Step;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.Statement;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A statement of a migration that the database refused, or one apply ran around it (see {@link Step}); carries
 * where it is for the error message.
 */
final class StatementFailedException extends SQLException {

    private final transient Migration migration;
    private final transient Statement statement;
    private final transient Optional<Step.Added> added;

    StatementFailedException(Migration migration, Statement statement, SQLException cause) {
        this(migration, statement, Optional.empty(), cause);
    }

    StatementFailedException(Migration migration, Statement statement, Optional<Step.Added> added,
            SQLException cause) {
        super(migration.tag() + " statement " + statement.number() + ": " + cause.getMessage(),
                cause.getSQLState(), cause.getErrorCode(), cause);
        this.migration = migration;
        this.statement = statement;
        this.added = added;
    }

    Migration migration() {
        return migration;
    }

    Statement statement() {
        return statement;
    }

    /** Empty for the migration's own statement; else what apply ran it for. */
    Optional<Step.Added> added() {
        return added;
    }
}
