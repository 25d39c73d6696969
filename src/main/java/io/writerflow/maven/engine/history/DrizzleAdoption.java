package io.writerflow.maven.engine.history;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Recognises the migrations drizzle-kit migrate or drizzle-orm's migrator applied to a database (see
 * {@link DrizzleTable}) that the plugin's history does not have yet: on the first apply to a database drizzle
 * kept, and whenever drizzle's migrator ran between two applies of the plugin. A row is matched to its
 * migration ({@link DrizzleTable#match}), then checked by hash; together with the migrations the plugin's
 * history has, the matches must be the directory's first migrations, in order.
 */
public final class DrizzleAdoption {

    /** A migration drizzle applied, and when. */
    public record Adopted(Migration migration, Instant appliedAt) {
    }

    private DrizzleAdoption() {
    }

    /**
     * The migrations drizzle applied that the plugin's history does not have, in directory order.
     *
     * @param applied the versions the plugin's history has applied
     * @throws WriterflowException when drizzle's history and the directory disagree
     */
    public static List<Adopted> read(DrizzleTable drizzle, MigrationDirectory directory, String database,
                              Set<String> applied) {
        List<Adopted> adopted = new ArrayList<>();
        for (DrizzleTable.Row row : drizzle.rows()) {
            Migration migration = DrizzleTable.match(row, directory).orElseThrow(() -> mismatch(database,
                    describe(drizzle, row) + " matches no migration in " + directory.listing() + " ("
                            + (row.name() != null ? "no migration is named " + row.name()
                            : "none was generated at " + row.createdAt()) + ")",
                    "Check out the branch this database was migrated from, or point writerflow.out at"
                            + " that directory."));
            if (applied.contains(migration.version())) {
                continue;
            }
            String actual = DrizzleTable.sha256(directory, migration);
            if (!actual.equalsIgnoreCase(row.hash())) {
                throw mismatch(database, migration.file() + " is not the file drizzle applied (" + describe(drizzle, row)
                        + "; the file's hash is " + abbreviate(actual) + ")",
                        "Restore the file as it was when drizzle applied it (git log -- " + migration.file()
                                + ") and put the change into a new migration.");
            }
            adopted.add(new Adopted(migration, Instant.ofEpochMilli(row.createdAt())));
        }
        // drizzle-orm 1.0 applies whatever is missing by name, so its rows need not be in the directory's order
        adopted.sort(Comparator.comparingInt(a -> directory.migrations().indexOf(a.migration())));
        int next = 0;
        for (Adopted a : adopted) {
            while (applied.contains(directory.migrations().get(next).version())) {
                next++;
            }
            Migration expected = directory.migrations().get(next++);
            if (a.migration() != expected) {
                throw mismatch(database, "drizzle applied " + a.migration().tag() + " but not "
                        + expected.tag() + ", which comes before it in " + directory.listing(),
                        "drizzle's migrator does not go back for it: run " + expected.file() + " on the database by"
                                + " hand and add its row to " + drizzle.name() + ", or restore the database from a"
                                + " backup and migrate it again.");
            }
        }
        return adopted;
    }

    private static String describe(DrizzleTable drizzle, DrizzleTable.Row row) {
        return drizzle.name() + " row (" + (row.name() != null ? "name " + row.name() + ", " : "") + "created_at "
                + row.createdAt() + ", hash " + abbreviate(row.hash()) + ")";
    }

    private static WriterflowException mismatch(String database, String problem, String nextStep) {
        return new WriterflowException("Cannot adopt the drizzle migration history of " + database + ": " + problem
                + ". Nothing was changed.", nextStep);
    }

    private static String abbreviate(String hash) {
        return hash == null ? "none" : hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
    }
}
