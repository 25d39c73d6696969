package io.writerflow.maven.engine.steps;

import io.writerflow.maven.sql.SqlQuoting;
import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A copy of a remote database's schema, without its rows, in an in-memory SQLite database, for a transaction
 * that is built whole before it is sent (the pipelined apply sends every pending migration in one request, so
 * nothing can be read from the server between two of its statements). It starts as the schema read just
 * before, and follows every statement that changes the schema as it is added to the transaction, so a rebuild
 * finds the triggers, indexes and views it would find on the server at that point.
 *
 * <p>The copy is made only when a rebuild first asks, and what it cannot follow (an object or statement only
 * the server's engine knows) is skipped: the {@link #guard} that apply puts before each rebuild fails the
 * migration on the server, before anything of the rebuild runs, if the two schemas then differ.
 */
public final class ShadowSchema implements SchemaSource, AutoCloseable {

    private final Catalog initial;
    private final UnaryOperator<String> failWhen;
    private final List<String> pending = new ArrayList<>();
    private Connection copy;

    /**
     * @param initial  the database's schema before the transaction
     * @param failWhen makes a statement that fails the transaction when its SQL condition holds
     */
    public ShadowSchema(Catalog initial, UnaryOperator<String> failWhen) {
        this.initial = initial;
        this.failWhen = failWhen;
    }

    @Override
    public Catalog catalog() throws SQLException {
        return Catalog.read(copy());
    }

    /**
     * The copy, as the steps added so far leave it, for what the transaction must know of the schema at that
     * point (the foreign keys its guard checks on an engine that lists them only by query).
     */
    public Connection copy() throws SQLException {
        if (copy == null) {
            copy = new SQLiteConfig().createConnection("jdbc:sqlite::memory:");
            seed();
            pending.forEach(this::follow);
            pending.clear();
        }
        return copy;
    }

    @Override
    public void ran(String sql) {
        if (!StatementShape.changesSchema(sql)) {
            return;
        }
        if (copy == null) {
            pending.add(sql);
        } else {
            follow(sql);
        }
    }

    @Override
    public Optional<String> guard(Catalog expected, String table) {
        String scope = "sql IS NOT NULL AND (type IN ('view', 'trigger')"
                + " OR (type = 'index' AND lower(tbl_name) = lower(" + SqlQuoting.literal(table) + ")))";
        List<String> objects = expected.objects().stream()
                .filter(o -> o.is("view") || o.is("trigger") || (o.is("index") && o.belongsTo(table)))
                .map(o -> SqlQuoting.literal(o.type() + " " + o.name())).toList();
        String differs = objects.isEmpty() ? "EXISTS (SELECT 1 FROM sqlite_master WHERE " + scope + ")"
                : "(SELECT count(*) FROM sqlite_master WHERE " + scope + ") <> " + objects.size()
                + " OR EXISTS (SELECT 1 FROM sqlite_master WHERE " + scope + " AND type || ' ' || name NOT IN ("
                + objects.stream().collect(Collectors.joining(", ")) + "))";
        return Optional.of(failWhen.apply(differs));
    }

    /**
     * Creates the objects in their original order; an object whose table or view comes later is tried again
     * after the others. A virtual table's own tables exist once it does; others the copy cannot create are
     * left out (the guard tells if a rebuild needed them).
     */
    private void seed() throws SQLException {
        List<SchemaObject> left = initial.objects().stream().filter(o -> !o.name().startsWith("sqlite_")).toList();
        boolean progress = true;
        while (!left.isEmpty() && progress) {
            List<SchemaObject> failed = new ArrayList<>();
            for (SchemaObject o : left) {
                try (java.sql.Statement statement = copy.createStatement()) {
                    statement.execute(o.sql());
                } catch (SQLException e) {
                    failed.add(o);
                }
            }
            progress = failed.size() < left.size();
            left = failed;
        }
    }

    /** Runs a schema change on the copy; one it cannot run is skipped (see the class comment). */
    private void follow(String sql) {
        try (java.sql.Statement statement = copy.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            // the server's engine may know what SQLite does not; the guard catches a difference that matters
        }
    }

    @Override
    public void close() throws SQLException {
        if (copy != null) {
            copy.close();
        }
    }
}
