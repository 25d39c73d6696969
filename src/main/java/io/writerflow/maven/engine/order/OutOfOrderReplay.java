package io.writerflow.maven.engine.order;

import io.writerflow.maven.engine.drift.Drift;
import io.writerflow.maven.engine.drift.DriftReport;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.Statement;
import io.writerflow.maven.schema.Schema;
import io.writerflow.maven.schema.Table;
import io.writerflow.maven.schema.introspect.SqliteIntrospector;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether migrations that sort before the database's latest applied one can run now, after it (Flyway's
 * {@code outOfOrder}), without meaning something else than they would have at their own place. Two replays on
 * in-memory SQLite databases, both from an empty schema: the applied migrations in the order the database ran
 * them followed by the out-of-order ones (what apply is about to do), and all of them in version order (what the
 * authors wrote them against). Refused when the first replay fails, or when the two end in different schemas:
 * then a later migration touched the same table, and running the earlier one after it conflicts.
 *
 * <p>A replay of schema statements only, with no rows: it runs locally for a remote database too, and it does not
 * see what depends on data (a NOT NULL column added to a table that has rows). That is the apply's own business.
 */
public final class OutOfOrderReplay {

    private final Set<String> ignoredTables;

    /** @param ignoredTables the history and lock tables, which a migration never names */
    public OutOfOrderReplay(Set<String> ignoredTables) {
        this.ignoredTables = ignoredTables;
    }

    /**
     * @param applied    the database's applied migrations, in the order it ran them
     * @param outOfOrder the migrations to run now although a later one is applied, in version order
     * @return the conflict, if the out-of-order migrations cannot run after the applied ones
     */
    public Optional<Conflict> check(List<Migration> applied, List<Migration> outOfOrder) throws SQLException {
        List<Migration> now = new ArrayList<>(applied);
        now.addAll(outOfOrder);
        List<Migration> written = new ArrayList<>(now);
        written.sort(Comparator.comparing(m -> MigrationVersion.fromVersion(m.version())));
        Replay asApplied = replay(now);
        if (asApplied.failure().isPresent()) {
            Failure failure = asApplied.failure().get();
            if (!outOfOrder.contains(failure.migration())) {
                return Optional.of(new Conflict(failure.migration(), null, null, "it fails on a replay of the"
                        + " applied migrations (" + failure.where() + ": " + failure.message() + "), so the out-of-order"
                        + " check cannot tell what the others would do"));
            }
            Optional<Touch> later = failure.names(asApplied).flatMap(t -> asApplied.lastTouching(t, failure.migration()));
            return Optional.of(new Conflict(failure.migration(), later.map(Touch::migration).orElse(null),
                    later.map(Touch::table).orElse(null), failure.where() + " fails after the applied migrations ("
                    + failure.message() + ")"));
        }
        Replay asWritten = replay(written);
        if (asWritten.failure().isPresent()) {
            Failure failure = asWritten.failure().get();
            return Optional.of(new Conflict(failure.migration(), null, null, failure.where()
                    + " fails when the migrations run in version order (" + failure.message() + "), so the"
                    + " out-of-order check cannot compare the two orders"));
        }
        List<Drift> differences = DriftReport.compare(asWritten.schema(), asApplied.schema(), "version order")
                .differences();
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        Drift first = differences.get(0);
        String table = tableOf(first.object(), asWritten.schema(), asApplied.schema());
        Migration early = outOfOrder.stream().filter(m -> asApplied.touches(m, table)).findFirst()
                .orElse(outOfOrder.get(0));
        Optional<Touch> later = asApplied.lastTouching(table, early);
        return Optional.of(new Conflict(early, later.map(Touch::migration).orElse(null), table,
                "run after the applied migrations it leaves a different schema than in version order: "
                        + first.message()));
    }

    /**
     * @param migration  the out-of-order migration (or the applied one that cannot be replayed)
     * @param later      the applied migration after it that touched the same table, if one is known
     * @param table      that table, if known
     * @param problem    what went wrong, in words
     */
    public record Conflict(Migration migration, Migration later, String table, String problem) {
    }

    private record Touch(Migration migration, String table) {
    }

    /** Where a replay stopped. */
    private record Failure(Migration migration, Statement statement, String message) {

        String where() {
            return migration.file() + ":" + statement.line() + " (statement " + statement.number() + ")";
        }

        /** The first table the failing statement names, of the tables the replay has seen. */
        Optional<String> names(Replay replay) {
            String sql = statement.sql().toLowerCase(Locale.ROOT);
            return replay.seen().stream().filter(t -> Pattern.compile("(?<![\\w$])" + Pattern.quote(
                    t.toLowerCase(Locale.ROOT)) + "(?![\\w$])").matcher(sql).find()).findFirst();
        }
    }

    /**
     * A replay: the schema it ended with, the tables each migration changed (created, dropped or altered), and
     * where it stopped, if it did.
     */
    private record Replay(Schema schema, List<Migration> order, List<Set<String>> changed,
                          Optional<Failure> failure) {

        boolean touches(Migration migration, String table) {
            int at = order.indexOf(migration);
            return at >= 0 && at < changed.size() && changed.get(at).contains(table);
        }

        /** The last migration run before {@code failing}'s position that sorts after it and touched {@code table}. */
        Optional<Touch> lastTouching(String table, Migration failing) {
            MigrationVersion version = MigrationVersion.fromVersion(failing.version());
            for (int i = changed.size() - 1; i >= 0; i--) {
                Migration m = order.get(i);
                if (m != failing && MigrationVersion.fromVersion(m.version()).compareTo(version) > 0
                        && changed.get(i).contains(table)) {
                    return Optional.of(new Touch(m, table));
                }
            }
            return Optional.empty();
        }

        Set<String> seen() {
            Set<String> all = new LinkedHashSet<>();
            changed.forEach(all::addAll);
            schema.tables().forEach(t -> all.add(t.name()));
            return all;
        }
    }

    private Replay replay(List<Migration> order) throws SQLException {
        SqliteIntrospector introspector = new SqliteIntrospector(ignoredTables);
        List<Set<String>> changed = new ArrayList<>();
        try (Connection shadow = new SQLiteConfig().createConnection("jdbc:sqlite::memory:")) {
            Schema before = introspector.read(shadow);
            for (Migration migration : order) {
                Optional<Failure> failed = run(shadow, migration);
                Schema after = introspector.read(shadow);
                changed.add(changedTables(before, after));
                if (failed.isPresent()) {
                    return new Replay(after, order, changed, failed);
                }
                before = after;
            }
            return new Replay(before, order, changed, Optional.empty());
        }
    }

    private static Optional<Failure> run(Connection shadow, Migration migration) throws SQLException {
        List<Failure> failure = new ArrayList<>();
        migration.statements().forEach(statement -> {
            if (!failure.isEmpty()) {
                return;
            }
            try (java.sql.Statement s = shadow.createStatement()) {
                s.execute(statement.sql());
            } catch (SQLException e) {
                failure.add(new Failure(migration, statement, e.getMessage()));
            }
        });
        return failure.stream().findFirst();
    }

    /** The tables created, dropped or changed (columns, indexes, keys) between two schemas. */
    private static Set<String> changedTables(Schema before, Schema after) {
        Set<String> changed = new LinkedHashSet<>();
        for (Table t : before.tables()) {
            if (!after.table(t.name()).map(t::equals).orElse(false)) {
                changed.add(t.name());
            }
        }
        after.tables().stream().filter(t -> before.table(t.name()).isEmpty()).forEach(t -> changed.add(t.name()));
        return changed;
    }

    /** The table a drift's object belongs to: a table, {@code table.column}, an index or a foreign key. */
    private static String tableOf(String object, Schema a, Schema b) {
        for (Schema s : List.of(a, b)) {
            if (s.table(object).isPresent()) {
                return object;
            }
            for (Table t : s.tables()) {
                if (t.indexes().stream().anyMatch(i -> i.name().equals(object))) {
                    return t.name();
                }
            }
        }
        int dot = object.indexOf('.');
        return dot > 0 ? object.substring(0, dot) : object;
    }
}
