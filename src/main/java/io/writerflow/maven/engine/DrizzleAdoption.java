package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Recognises a database that drizzle-kit migrate or drizzle-orm's migrator brought up to date. Their table
 * {@code __drizzle_migrations} holds one row per applied migration: the SHA-256 of the .sql file's text and,
 * as {@code created_at}, the journal entry's {@code when} (drizzle-orm 0.x) or the migration folder's
 * timestamp in UTC milliseconds (drizzle-orm 1.0, which also records the folder's {@code name} and
 * {@code applied_at}, and adds those two columns to an older table, naming its rows). A row is matched to its
 * migration by that name when it has one, else by {@code created_at} (to the second, where drizzle-kit 1.0's
 * {@code up} turned a journal's {@code when} into a folder's timestamp, the hash deciding between migrations
 * of the same second), then checked by hash; the matches must be the directory's first migrations, in order.
 */
final class DrizzleAdoption {

    /** A migration drizzle applied, and when. */
    record Adopted(Migration migration, Instant appliedAt) {
    }

    /** One row of drizzle's table; {@code name} is null before drizzle-orm 1.0. */
    private record Row(String table, String hash, long createdAt, String name) {

        String describe() {
            return table + " row (" + (name != null ? "name " + name + ", " : "") + "created_at " + createdAt
                    + ", hash " + abbreviate(hash) + ")";
        }
    }

    private DrizzleAdoption() {
    }

    /** Whether drizzle's table exists and the plugin's history has no row yet: then the history starts from drizzle's. */
    static boolean applies(Connection connection, String historyTable, String drizzleTable) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                     + " AND name = " + SqlQuoting.literal(drizzleTable)
                     + "), (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                     + " AND name = " + SqlQuoting.literal(historyTable) + ")")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return false;
            }
            if (rs.getInt(2) == 0) {
                return true;
            }
        }
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + SqlQuoting.identifier(historyTable))) {
            rs.next();
            return rs.getInt(1) == 0;
        }
    }

    /**
     * The migrations drizzle applied, in directory order.
     *
     * @throws WriterflowException when drizzle's history and the directory disagree
     */
    static List<Adopted> read(Connection connection, MigrationDirectory directory, String database,
                              String drizzleTable) throws SQLException {
        List<Adopted> adopted = new ArrayList<>();
        for (Row row : rows(connection, drizzleTable)) {
            Migration migration = match(row, directory).orElseThrow(() -> mismatch(database, row.describe()
                    + " matches no migration in " + directory.listing() + " (" + (row.name() != null
                    ? "no migration is named " + row.name() : "none was generated at " + row.createdAt()) + ")",
                    "Check out the branch this database was migrated from, or point writerflow.out at"
                            + " that directory."));
            String actual = sha256(directory, migration);
            if (!actual.equalsIgnoreCase(row.hash())) {
                throw mismatch(database, migration.file() + " is not the file drizzle applied (" + row.describe()
                        + "; the file's hash is " + abbreviate(actual) + ")",
                        "Restore the file as it was when drizzle applied it (git log -- " + migration.file()
                                + ") and put the change into a new migration.");
            }
            adopted.add(new Adopted(migration, Instant.ofEpochMilli(row.createdAt())));
        }
        // drizzle-orm 1.0 applies whatever is missing by name, so its rows need not be in the directory's order
        adopted.sort(Comparator.comparingInt(a -> directory.migrations().indexOf(a.migration())));
        for (int i = 0; i < adopted.size(); i++) {
            Migration expected = directory.migrations().get(i);
            if (adopted.get(i).migration() != expected) {
                throw mismatch(database, "drizzle applied " + adopted.get(i).migration().tag() + " but not "
                        + expected.tag() + ", which comes before it in " + directory.listing(),
                        "Apply the database with drizzle-kit migrate once more, or repair it by hand.");
            }
        }
        return adopted;
    }

    private static List<Row> rows(Connection connection, String drizzleTable) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + SqlQuoting.identifier(drizzleTable)
                     + " ORDER BY created_at")) {
            boolean named = false;
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                named |= rs.getMetaData().getColumnLabel(i).equalsIgnoreCase("name");
            }
            while (rs.next()) {
                rows.add(new Row(drizzleTable, rs.getString("hash"), new BigDecimal(rs.getString("created_at").strip()).longValue(),
                        named ? rs.getString("name") : null));
            }
        }
        return rows;
    }

    /** As drizzle-orm 1.0 matches its own rows when it names them: by time, then by hash among equals. */
    private static Optional<Migration> match(Row row, MigrationDirectory directory) {
        if (row.name() != null) {
            return directory.migrations().stream().filter(m -> m.tag().equals(row.name())).findFirst();
        }
        List<Migration> candidates = directory.migrations().stream().filter(m -> m.entry().when() == row.createdAt())
                .toList();
        if (candidates.isEmpty()) {
            long second = row.createdAt() / 1000 * 1000;
            candidates = directory.migrations().stream().filter(m -> m.entry().when() == second).toList();
        }
        if (candidates.size() > 1) {
            candidates = candidates.stream().filter(m -> sha256(directory, m).equalsIgnoreCase(row.hash())).toList();
        }
        return candidates.stream().findFirst();
    }

    private static WriterflowException mismatch(String database, String problem, String nextStep) {
        return new WriterflowException("Cannot adopt the drizzle migration history of " + database + ": " + problem
                + ". Nothing was changed.", nextStep);
    }

    /** drizzle's hash: SHA-256 of the file's text, hex. */
    private static String sha256(MigrationDirectory directory, Migration migration) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // digested as read: a large data migration is not held whole for its hash
            try (java.io.InputStream in = new java.security.DigestInputStream(
                    Files.newInputStream(directory.root().resolve(migration.entry().sql())), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new WriterflowException("Cannot read " + migration.file() + ": " + e.getMessage(),
                    "Check the file's permissions.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String hash) {
        return hash == null ? "none" : hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
    }
}
