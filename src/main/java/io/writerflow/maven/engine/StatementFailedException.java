package io.writerflow.maven.engine;

import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.Statement;

import java.sql.SQLException;

/** A statement of a migration that the database refused; carries where it is for the error message. */
final class StatementFailedException extends SQLException {

    private final transient Migration migration;
    private final transient Statement statement;

    StatementFailedException(Migration migration, Statement statement, SQLException cause) {
        super(migration.tag() + " statement " + statement.number() + ": " + cause.getMessage(),
                cause.getSQLState(), cause.getErrorCode(), cause);
        this.migration = migration;
        this.statement = statement;
    }

    Migration migration() {
        return migration;
    }

    Statement statement() {
        return statement;
    }
}
