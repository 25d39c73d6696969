package io.writerflow.maven.engine.apply;

import java.util.Arrays;
import java.util.List;

/**
 * One step of an apply's plan: what runs, and when, by the outcome of the steps before it. The Hrana runner
 * sends the steps of a transaction as one batch whose conditions say the same ({@link HranaPlanRunner}); the
 * JDBC runner runs them one by one on the embedded file ({@link JdbcPlanRunner}).
 *
 * @param sql  the statement; for a {@link Kind#GUARD}, the condition that fails the transaction when it holds
 * @param when the condition under which the step runs
 */
public record PlanStep(Kind kind, String sql, List<Object> args, When when) {

    enum Kind {
        STATEMENT,
        /** Opens the transaction (the JDBC runner takes the write lock at once: BEGIN IMMEDIATE). */
        BEGIN,
        /** Fails (and so stops what is chained after it) when its condition holds. */
        GUARD,
        /** COMMIT or ROLLBACK: ends the transaction. */
        END
    }

    /** When a step runs. */
    sealed interface When {
        /** Always, whatever failed before. */
        record Always() implements When {
        }

        /** When step {@code step} succeeded. */
        record After(int step) implements When {
        }

        /** When {@code started} succeeded and {@code finished} did not (ROLLBACK TO a failed migration's savepoint). */
        record Unfinished(int started, int finished) implements When {
        }

        /** While a transaction is open. */
        record InTransaction() implements When {
        }
    }

    public PlanStep {
        args = List.copyOf(args);
    }

    static PlanStep statement(When when, String sql, Object... args) {
        return new PlanStep(Kind.STATEMENT, sql, Arrays.asList(args), when);
    }
}
