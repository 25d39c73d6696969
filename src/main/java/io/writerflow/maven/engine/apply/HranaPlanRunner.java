package io.writerflow.maven.engine.apply;

import io.writerflow.maven.engine.database.ForeignKeyCheck;
import io.writerflow.maven.engine.lock.LeaseMigrationLock;
import io.writerflow.maven.engine.steps.Catalog;
import io.writerflow.maven.engine.steps.MigrationSteps;
import io.writerflow.maven.engine.steps.SchemaSource;
import io.writerflow.maven.engine.steps.ShadowSchema;
import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.libsql.HranaClient;
import io.writerflow.maven.migrations.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Sends each transaction of a plan as ONE Hrana batch, written into the request as the plan produces it; the
 * steps' conditions become the batch's, so the server decides what runs without a round trip. Nothing can be
 * read between two steps, so the rebuilds read a copy of the schema that follows the batch
 * ({@link ShadowSchema}), and a guard fails the batch through the lock's table
 * ({@link LeaseMigrationLock#failWhen}).
 */
public final class HranaPlanRunner implements PlanRunner {

    /** How much SQL one request carries at most; a single larger migration goes alone. */
    static final long REQUEST_SQL_CHARS = 8 * 1024 * 1024;

    private final HranaClient client;
    private final Connection connection;
    private final UnaryOperator<String> failWhen;
    private final Envelope envelope;

    public HranaPlanRunner(HranaClient client, Connection connection, UnaryOperator<String> failWhen,
            Envelope envelope) {
        this.client = client;
        this.connection = connection;
        this.failWhen = failWhen;
        this.envelope = envelope;
    }

    @Override
    public PlanOutcome run(Transaction transaction) throws SQLException {
        Hrana.BatchResult result = client.batch(sink -> transaction.write(step -> sink.add(batchStep(step))));
        List<List<List<Object>>> rows = new ArrayList<>();
        result.stepResults().forEach(r -> rows.add(r == null ? null : r.rows()));
        return new PlanOutcome(rows, new ArrayList<SQLException>(result.stepErrors()));
    }

    private Hrana.BatchStep batchStep(PlanStep step) {
        Hrana.Cond condition = null;
        if (step.when() instanceof PlanStep.When.After after) {
            condition = Hrana.ok(after.step());
        } else if (step.when() instanceof PlanStep.When.Unfinished u) {
            condition = Hrana.and(Hrana.ok(u.started()), Hrana.not(Hrana.ok(u.finished())));
        } else if (step.when() instanceof PlanStep.When.InTransaction) {
            condition = Hrana.not(Hrana.isAutocommit());
        }
        String sql = step.kind() == PlanStep.Kind.GUARD ? failWhen.apply(step.sql()) : step.sql();
        return new Hrana.BatchStep(condition, new Hrana.Stmt(sql, step.args(), true));
    }

    @Override
    public Envelope envelope() {
        return envelope;
    }

    @Override
    public SchemaSource schema(Catalog initial) {
        return new ShadowSchema(initial, failWhen);
    }

    /** Turso's own engine lists foreign keys only by query: they are read from the copy the batch has built. */
    @Override
    public String orphansExist(ForeignKeyCheck check, SchemaSource schema) throws SQLException {
        return check instanceof ForeignKeyCheck.Queries && schema instanceof ShadowSchema shadow
                ? check.orphansExist(shadow.copy()) : check.orphansExist(connection);
    }

    /**
     * One request, as a migration's own: the envelope, {@code BEGIN}, the migration's steps (its rebuilds read a
     * copy of the schema that follows them), the count of orphans (built on that copy), {@code ROLLBACK}.
     */
    @Override
    public Map<String, Integer> recount(Migration migration, Supplier<Set<String>> knownIndexes,
            ForeignKeyCheck check) {
        try (ShadowSchema schema = new ShadowSchema(Catalog.read(connection), failWhen)) {
            List<Hrana.Stmt> steps = new ArrayList<>();
            new MigrationSteps(migration, schema, knownIndexes).forEach(step -> steps.add(Hrana.Stmt.of(step.sql())));
            String count = check.violationsQuery(schema.copy());
            if (count == null) {
                return Map.of();
            }
            List<Hrana.BatchStep> batch = new ArrayList<>();
            for (String sql : envelope.before()) {
                batch.add(new Hrana.BatchStep(batch.isEmpty() ? null : Hrana.ok(batch.size() - 1), Hrana.Stmt.of(sql)));
            }
            batch.add(new Hrana.BatchStep(batch.isEmpty() ? null : Hrana.ok(batch.size() - 1), Hrana.Stmt.of("BEGIN")));
            steps.forEach(stmt -> batch.add(new Hrana.BatchStep(Hrana.ok(batch.size() - 1), stmt)));
            int counted = batch.size();
            batch.add(new Hrana.BatchStep(Hrana.ok(counted - 1), Hrana.Stmt.of(count)));
            batch.add(new Hrana.BatchStep(Hrana.not(Hrana.isAutocommit()), Hrana.Stmt.of("ROLLBACK")));
            envelope.after().forEach(sql -> batch.add(new Hrana.BatchStep(null, Hrana.Stmt.of(sql))));
            Hrana.StmtResult rows = client.batch(batch).stepResults().get(counted);
            return rows == null ? Map.of() : check.violations(rows.rows());
        } catch (SQLException e) {
            return Map.of();
        }
    }

    @Override
    public long transactionChars() {
        return REQUEST_SQL_CHARS;
    }
}
