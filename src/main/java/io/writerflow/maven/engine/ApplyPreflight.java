package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start an apply that would build on an unknown or altered past: edited, missing, failed or
 * skipped migrations, and a database with tables but no history.
 */
final class ApplyPreflight {

    private final EngineSettings settings;

    ApplyPreflight(EngineSettings settings) {
        this.settings = settings;
    }

    void check(StatusReport before, Connection connection) throws SQLException {
        boolean nothingApplied = before.migrations().stream().allMatch(m -> m.state() == MigrationState.PENDING);
        if (nothingApplied) {
            List<String> tables = userTables(connection);
            if (!tables.isEmpty()) {
                throw new WriterflowException("Database " + settings.url().display() + " already has tables ("
                        + String.join(", ", tables.size() > 5 ? tables.subList(0, 5) : tables)
                        + (tables.size() > 5 ? ", ..." : "") + ") but no migration history ("
                        + settings.historyTable() + "), so it is unknown which migrations it already has.",
                        "Apply to an empty database (for a development file: delete it and run apply again)."
                                + " Nothing was changed.");
            }
        }
        for (MigrationStatus m : before.migrations()) {
            switch (m.state()) {
                case CHANGED -> throw m.renumbered() ? new WriterflowException("The database applied "
                        + m.appliedTag() + " as version " + m.version() + appliedWhen(m) + ", but "
                        + settings.migrationsDisplay() + "/meta/_journal.json now lists " + m.tag()
                        + " at idx " + m.version() + ". Nothing was applied.",
                        "Two branches probably each added a migration: keep the applied one at its idx, and"
                                + " regenerate the other on top of it.")
                        : new WriterflowException(m.file() + " was changed after it was applied"
                        + appliedWhen(m) + "; the database ran the old text. Nothing was applied.",
                        "Restore the file as it was (git checkout -- " + m.file()
                                + ") and put the change into a new migration.");
                case FAILED -> throw new WriterflowException("The history records " + m.tag() + " as failed"
                        + appliedWhen(m) + "; the database may hold part of it. Nothing was applied.",
                        "Repair the database by hand, then delete the failed row (version " + m.version() + ") from "
                                + settings.historyTable() + ".");
                case MISSING -> throw new WriterflowException("The database has " + m.tag() + " (version "
                        + m.version() + ") applied" + appliedWhen(m) + ", but " + settings.migrationsDisplay()
                        + "/meta/_journal.json does not list it. Nothing was applied.",
                        "Check out the branch that contains this migration, or point writerflow.out at the"
                                + " directory this database was migrated from.");
                case SKIPPED -> throw new WriterflowException(m.file() + " is not applied, but a later migration"
                        + " is: the journal gained an entry before the database's last migration. Nothing was applied.",
                        "Move the change into a new migration after the last applied one (two branches probably"
                                + " each added a migration; regenerate yours on top).");
                default -> {
                }
            }
        }
    }

    private static String appliedWhen(MigrationStatus m) {
        return m.appliedAt() == null ? "" : " (on " + m.appliedAt() + (m.appliedBy() == null ? "" : " by "
                + m.appliedBy()) + ")";
    }

    private List<String> userTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                        + " ORDER BY name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!name.equalsIgnoreCase(settings.historyTable())) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }
}
