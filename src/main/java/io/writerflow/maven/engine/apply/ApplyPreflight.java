package io.writerflow.maven.engine.apply;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.MigrationState;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.engine.StatusReport;
import io.writerflow.maven.engine.database.OpenDatabase;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.migrations.TransactionControl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start an apply that would build on an unknown or altered past: edited, missing, failed or
 * skipped migrations, and a database with tables but no history.
 */
public final class ApplyPreflight {

    private final EngineSettings settings;

    public ApplyPreflight(EngineSettings settings) {
        this.settings = settings;
    }

    public void check(StatusReport before, OpenDatabase database, MigrationDirectory directory) throws SQLException {
        check(before, database, directory, null, false);
    }

    /**
     * @param tables     the database's tables and views when already read, else null (then they are read here)
     * @param outOfOrder whether skipped migrations are to run out of order ({@code writerflow.outOfOrder}), checked
     *                   by {@code OutOfOrder} instead of refused here
     */
    public void check(StatusReport before, OpenDatabase database, MigrationDirectory directory, List<String> tables,
            boolean outOfOrder) throws SQLException {
        Connection connection = database.connection();
        boolean nothingApplied = before.migrations().stream().allMatch(m -> m.state() == MigrationState.PENDING);
        if (nothingApplied) {
            List<String> user = userTables(tables != null ? tables : allTables(connection));
            if (!user.isEmpty()) {
                throw conflict(HistoryConflict.Kind.UNRECORDED_TABLES, "Database " + settings.url().display()
                        + " already has tables (" + String.join(", ", user.size() > 5 ? user.subList(0, 5) : user)
                        + (user.size() > 5 ? ", ..." : "") + ") but no migration history ("
                        + settings.historyTable() + "), so it is unknown which migrations it already has. Nothing"
                        + " was changed.", null);
            }
        }
        for (MigrationStatus m : before.migrations()) {
            switch (m.state()) {
                case CHANGED -> throw m.renumbered()
                        ? conflict(HistoryConflict.Kind.RENUMBERED, "The database applied " + m.appliedTag()
                                + " as version " + m.version() + appliedWhen(m) + ", but " + directory.listing()
                                + " now lists " + m.tag() + " as version " + m.version() + ". Nothing was applied.", m)
                        : conflict(HistoryConflict.Kind.CHANGED, m.file() + " was changed after it was applied"
                                + appliedWhen(m) + "; the database ran the old text. Nothing was applied.", m);
                case FAILED -> throw conflict(HistoryConflict.Kind.FAILED, "The history records " + m.tag()
                        + " as failed" + appliedWhen(m) + "; the database may hold part of it. Nothing was applied.",
                        m);
                case MISSING -> throw conflict(HistoryConflict.Kind.MISSING, "The database has " + m.tag()
                        + " (version " + m.version() + ") applied" + appliedWhen(m) + ", but " + directory.listing()
                        + " does not list it. Nothing was applied.", m);
                case SKIPPED -> {
                    if (!outOfOrder) {
                        throw conflict(HistoryConflict.Kind.SKIPPED, m.file() + " is not applied, but a later"
                                + " migration is: the directory gained a migration before the database's last one"
                                + " (out of order; writerflow.outOfOrder is off). Nothing was applied.", m);
                    }
                }
                default -> {
                }
            }
        }
        for (Migration migration : pending(before, directory)) {
            TransactionControl.refuse(migration);
        }
    }

    public static List<Migration> pending(StatusReport before, MigrationDirectory directory) {
        java.util.Set<String> pending = before.migrations().stream().filter(m -> m.state() == MigrationState.PENDING)
                .map(MigrationStatus::version).collect(java.util.stream.Collectors.toSet());
        return directory.migrations().stream().filter(m -> pending.contains(m.version())).toList();
    }

    /**
     * With enforcement on, DROP TABLE deletes the table's rows first and cascades into its children; a rebuild
     * (create new, copy, drop old, rename) would lose them. Refuse before anything runs.
     */
    public void refuseCascadingDrops(OpenDatabase database, List<Migration> toRun) {
        if (!database.foreignKeysStayOn()) {
            return;
        }
        for (Migration migration : toRun) {
            migration.statements().find(statement -> DROP_TABLE.matcher(statement.sql()).find())
                    .map(statement -> new WriterflowException("Database " + settings.url().display()
                            + " enforces foreign keys and does not let a request turn them off, and "
                            + migration.tag() + " drops a table (" + migration.file() + ":" + statement.line()
                            + "): its rows would be deleted first, cascading into the tables that point at"
                            + " it. Nothing was applied.",
                            "Run this migration with a client that can run PRAGMA foreign_keys=OFF, or"
                                    + " rewrite it without dropping a referenced table."))
                    .ifPresent(e -> {
                        throw e;
                    });
        }
    }

    private static final java.util.regex.Pattern DROP_TABLE =
            java.util.regex.Pattern.compile("(?i)\\bDROP\\s+TABLE\\b");

    private HistoryConflict conflict(HistoryConflict.Kind kind, String problem, MigrationStatus migration) {
        return new HistoryConflict(kind, problem, migration == null ? null : migration.file(),
                migration == null ? null : migration.version(), settings.historyTable());
    }

    private static String appliedWhen(MigrationStatus m) {
        return m.appliedAt() == null ? "" : " (on " + m.appliedAt() + (m.appliedBy() == null ? "" : " by "
                + m.appliedBy()) + ")";
    }

    private List<String> userTables(List<String> tables) {
        return tables.stream().filter(name -> !name.equalsIgnoreCase(settings.historyTable())
                && !name.equalsIgnoreCase(settings.lockTable())
                && !name.equalsIgnoreCase(settings.drizzleTable())).toList();
    }

    private static List<String> allTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                        + " ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
