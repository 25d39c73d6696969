package io.writerflow.maven.libsql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Hrana v2 protocol values this transport uses: statements, their results, batch steps and their
 * conditions. See the Hrana spec (libsql repository, {@code docs/HRANA_2_SPEC.md}).
 */
public final class Hrana {

    private Hrana() {
    }

    /** A statement with positional arguments (Java values as {@link HranaValues} encodes them). */
    public record Stmt(String sql, List<Object> args, boolean wantRows) {
        public Stmt {
            args = Collections.unmodifiableList(new ArrayList<>(args));
        }

        public static Stmt of(String sql, Object... args) {
            return new Stmt(sql, java.util.Arrays.asList(args), true);
        }
    }

    /** A result column, by its name (what the driver and the plugin read of it). */
    public record Column(String name) {
    }

    /** The result of one statement: rows of Java values, and how many rows it changed. */
    public record StmtResult(List<Column> cols, List<List<Object>> rows, long affectedRowCount) {
    }

    /** A batch step: run {@code stmt} when {@code condition} holds ({@code null}: always). */
    public record BatchStep(Cond condition, Stmt stmt) {
    }

    /** The outcome of a batch: per step a result (null when it failed or did not run) and an error (or null). */
    public record BatchResult(List<StmtResult> stepResults, List<LibsqlException> stepErrors) {
    }

    /**
     * A batch step condition: the ones the plugin's batches use (the spec also has {@code error} and
     * {@code or}).
     */
    public sealed interface Cond permits Ok, Not, And, IsAutocommit {
    }

    /** Step {@code step} ran and succeeded. */
    public record Ok(int step) implements Cond {
    }

    public record Not(Cond cond) implements Cond {
    }

    public record And(List<Cond> conds) implements Cond {
        public And {
            conds = List.copyOf(conds);
        }
    }

    /** The connection is in autocommit mode (no transaction is open). */
    public record IsAutocommit() implements Cond {
    }

    public static Cond ok(int step) {
        return new Ok(step);
    }

    public static Cond not(Cond cond) {
        return new Not(cond);
    }

    public static Cond and(Cond... conds) {
        return new And(List.of(conds));
    }

    public static Cond isAutocommit() {
        return new IsAutocommit();
    }
}
