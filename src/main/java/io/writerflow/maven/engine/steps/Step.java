package io.writerflow.maven.engine.steps;

import io.writerflow.maven.migrations.Statement;

import java.util.Optional;

/**
 * One statement apply runs for a migration: one of the migration's own, or one apply adds around a table
 * rebuild to keep what the rebuild would lose.
 *
 * @param statement the migration's statement this step is, or the one it runs just before or after
 * @param added     empty for the migration's own statement; else what apply added it for
 */
public record Step(String sql, Statement statement, Optional<Added> added) {

    /**
     * Why apply added a step, for the message when it fails.
     *
     * @param purpose what the step does, as a clause: "re-creating trigger users_touch of users, which the
     *                rebuild dropped with the old table"
     * @param fix     what the user can change so that it succeeds
     * @param check   a check that fails the transaction on purpose: the database's message for it says nothing
     */
    public record Added(String purpose, String fix, boolean check) {
    }

    static Step own(Statement statement) {
        return new Step(statement.sql(), statement, Optional.empty());
    }

    static Step added(String sql, Statement statement, String purpose, String fix) {
        return new Step(sql, statement, Optional.of(new Added(purpose, fix, false)));
    }

    static Step check(String sql, Statement statement, String purpose, String fix) {
        return new Step(sql, statement, Optional.of(new Added(purpose, fix, true)));
    }
}
