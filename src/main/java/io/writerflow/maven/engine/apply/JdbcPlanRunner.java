package io.writerflow.maven.engine.apply;

import io.writerflow.maven.engine.database.ForeignKeyCheck;
import io.writerflow.maven.engine.steps.Catalog;
import io.writerflow.maven.engine.steps.MigrationSteps;
import io.writerflow.maven.engine.steps.SchemaSource;
import io.writerflow.maven.migrations.Migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs each transaction of a plan on the embedded file, a step at a time as the plan writes it (a large
 * migration is never held whole), skipping the steps whose condition does not hold, exactly as the Hrana
 * runner's batch would. The rebuilds read the database itself, which has seen every step so far.
 */
public final class JdbcPlanRunner implements PlanRunner {

    private final Connection connection;

    public JdbcPlanRunner(Connection connection) {
        this.connection = connection;
    }

    @Override
    public PlanOutcome run(Transaction transaction) throws SQLException {
        List<List<List<Object>>> rows = new ArrayList<>();
        List<SQLException> errors = new ArrayList<>();
        boolean[] open = {false};
        try {
            transaction.write(step -> {
                int index = rows.size();
                List<List<Object>> result = null;
                SQLException error = null;
                if (runs(step.when(), rows, open[0])) {
                    try {
                        result = execute(step);
                        if (step.kind() == PlanStep.Kind.BEGIN) {
                            open[0] = true;
                        } else if (step.kind() == PlanStep.Kind.END) {
                            open[0] = false;
                        }
                    } catch (SQLException e) {
                        error = e;
                    }
                }
                rows.add(result);
                errors.add(error);
                return index;
            });
        } finally {
            if (open[0]) { // the plan failed while being written: nothing of it stays
                try (Statement rollback = connection.createStatement()) {
                    rollback.execute("ROLLBACK");
                }
            }
        }
        return new PlanOutcome(rows, errors);
    }

    private static boolean runs(PlanStep.When when, List<List<List<Object>>> rows, boolean open) {
        if (when instanceof PlanStep.When.After after) {
            return rows.get(after.step()) != null;
        }
        if (when instanceof PlanStep.When.Unfinished u) {
            return rows.get(u.started()) != null && rows.get(u.finished()) == null;
        }
        return !(when instanceof PlanStep.When.InTransaction) || open;
    }

    private List<List<Object>> execute(PlanStep step) throws SQLException {
        return switch (step.kind()) {
            // the write lock at once: waiting for it belongs before the first statement, not inside a migration
            case BEGIN -> run("BEGIN IMMEDIATE", List.of());
            case GUARD -> {
                List<List<Object>> holds = run("SELECT CASE WHEN " + step.sql() + " THEN 1 ELSE 0 END", List.of());
                if (((Number) holds.get(0).get(0)).intValue() == 1) {
                    throw new SQLException("guard failed: " + step.sql());
                }
                yield holds;
            }
            case STATEMENT, END -> run(step.sql(), step.args());
        };
    }

    private List<List<Object>> run(String sql, List<Object> args) throws SQLException {
        if (args.isEmpty()) { // as written: a statement runs exactly as the migration file has it
            try (Statement statement = connection.createStatement()) {
                return statement.execute(sql) ? rows(statement.getResultSet()) : List.of();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement.execute() ? rows(statement.getResultSet()) : List.of();
        }
    }

    private static List<List<Object>> rows(ResultSet rs) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The plugin's own connection to a file never enforces foreign keys: nothing to turn off. */
    @Override
    public Envelope envelope() {
        return Envelope.NONE;
    }

    @Override
    public SchemaSource schema(Catalog initial) {
        return SchemaSource.of(connection);
    }

    @Override
    public String orphansExist(ForeignKeyCheck check, SchemaSource schema) throws SQLException {
        return check.orphansExist(connection);
    }

    @Override
    public Map<String, Integer> recount(Migration migration, Supplier<Set<String>> knownIndexes,
            ForeignKeyCheck check) {
        return ApplyFailures.recount(new MigrationSteps(migration, SchemaSource.of(connection), knownIndexes),
                connection, check);
    }

    @Override
    public long transactionChars() {
        return Long.MAX_VALUE;
    }
}
