package io.writerflow.maven.engine.rollback;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.engine.MigrationStatus;
import io.writerflow.maven.migrations.DownMigration;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.schema.Loss;
import io.writerflow.maven.sql.SqlQuoting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The down migrations of a rollback, read from the directory, and what they would destroy. */
public final class Rollbacks {

    /**
     * A migration to roll back, as its down migration.
     *
     * @param run    what the plan runs: the migration's entry (tag, version), the down file's name and statements
     * @param parsed the down file as its format reads it (the losses it declares)
     */
    public record Down(Migration run, DownMigration parsed) {
    }

    private final MigrationDirectory directory;

    public Rollbacks(MigrationDirectory directory) {
        this.directory = directory;
    }

    /**
     * The down migrations of {@code selected}, in their order.
     *
     * @throws RollbackRefused for a migration without a down migration, or with an empty one
     */
    public List<Down> downs(List<MigrationStatus> selected) {
        List<Down> downs = new ArrayList<>();
        for (MigrationStatus status : selected) {
            Migration migration = directory.migrations().stream().filter(m -> m.version().equals(status.version()))
                    .findFirst().orElseThrow();
            String name = directory.display(migration.entry().down());
            String text;
            try {
                text = Files.readString(directory.root().resolve(migration.entry().down()), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new RollbackRefused(RollbackRefused.Reason.NO_DOWN, migration.tag() + " has no down migration ("
                        + name + " does not exist). Nothing was rolled back.", name);
            } catch (IOException e) {
                throw new WriterflowException("Cannot read " + name + ": " + e.getMessage() + ". Nothing was rolled"
                        + " back.", "Check that the file is readable.", e);
            }
            DownMigration parsed = DownMigration.parse(text, name);
            if (parsed.empty()) {
                throw new RollbackRefused(RollbackRefused.Reason.EMPTY_DOWN, name + ", the down migration of "
                        + migration.tag() + ", has no statement to run" + (parsed.custom() ? " (the template of a"
                        + " hand-written migration)" : "") + ". Nothing was rolled back.", name);
            }
            downs.add(new Down(Migration.of(migration.entry(), name, text), parsed));
        }
        return downs;
    }

    /**
     * Refuses a rollback whose down migrations destroy data, naming each table and column with the rows at stake
     * as the database holds them now (read through {@code connection}, which must not be inside a transaction).
     */
    public static void refuseDataLoss(List<Down> downs, Connection connection, String database) {
        List<String> lost = new ArrayList<>();
        for (Down down : downs) {
            for (Loss loss : down.parsed().losses()) {
                lost.add(loss.describe() + " (" + rows(connection, loss) + ", " + down.run().tag() + ")");
            }
        }
        if (!lost.isEmpty()) {
            String first = downs.stream().filter(d -> d.parsed().losesData()).findFirst().orElseThrow().run().file();
            throw new RollbackRefused(RollbackRefused.Reason.DATA_LOSS, "Rolling back would destroy data in "
                    + database + ": " + String.join("; ", lost) + ". Nothing was rolled back.", first);
        }
    }

    /** The rows a loss takes with it: all of a table's, or those of a table whose column holds a value. */
    private static String rows(Connection connection, Loss loss) {
        String sql = "SELECT count(*) FROM " + SqlQuoting.identifier(loss.table())
                + loss.column().map(c -> " WHERE " + SqlQuoting.identifier(c) + " IS NOT NULL").orElse("");
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            long n = rs.next() ? rs.getLong(1) : 0;
            return n + (loss.column().isPresent() ? " value" : " row") + (n == 1 ? "" : "s");
        } catch (SQLException e) {
            return "rows unknown"; // a table an earlier down migration of this rollback creates or renames
        }
    }
}
