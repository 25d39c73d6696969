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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recognises a database that drizzle-kit migrate or drizzle-orm's migrator brought up to date. Their table
 * {@code __drizzle_migrations} holds one row per applied migration: the SHA-256 of the .sql file's text and,
 * as {@code created_at}, the journal entry's {@code when} (drizzle decides what is applied by that
 * timestamp). A row is matched to its journal entry by {@code when}, then checked by hash; the matches must
 * be the journal's first migrations, in order.
 */
final class DrizzleAdoption {

    static final String DRIZZLE_TABLE = "__drizzle_migrations";

    /** A migration drizzle applied, and when. */
    record Adopted(Migration migration, Instant appliedAt) {
    }

    private DrizzleAdoption() {
    }

    /** Whether drizzle's table exists and the plugin's history has no row yet: then the history starts from drizzle's. */
    static boolean applies(Connection connection, String historyTable) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                     + " AND name = '" + DRIZZLE_TABLE + "'), (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
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
     * The migrations drizzle applied, in journal order.
     *
     * @throws WriterflowException when drizzle's history and the directory disagree
     */
    static List<Adopted> read(Connection connection, MigrationDirectory directory, String database) throws SQLException {
        Map<Long, Migration> byWhen = directory.migrations().stream()
                .collect(Collectors.toMap(m -> m.entry().when(), Function.identity(), (a, b) -> a));
        List<Adopted> adopted = new ArrayList<>();
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT hash, created_at FROM " + DRIZZLE_TABLE
                     + " ORDER BY created_at")) {
            while (rs.next()) {
                String hash = rs.getString(1);
                long when = new BigDecimal(rs.getString(2).strip()).longValue();
                Migration migration = byWhen.get(when);
                String row = DRIZZLE_TABLE + " row (created_at " + when + ", hash " + abbreviate(hash) + ")";
                if (migration == null) {
                    throw mismatch(database, row + " matches no migration in " + directory.displayRoot()
                            + "/meta/_journal.json (no entry has \"when\": " + when + ")",
                            "Check out the branch this database was migrated from, or point writerflow.out at"
                                    + " that directory.");
                }
                String actual = sha256(directory, migration);
                if (!actual.equalsIgnoreCase(hash)) {
                    throw mismatch(database, migration.file() + " is not the file drizzle applied (" + row
                            + "; the file's hash is " + abbreviate(actual) + ")",
                            "Restore the file as it was when drizzle applied it (git log -- " + migration.file()
                                    + ") and put the change into a new migration.");
                }
                adopted.add(new Adopted(migration, Instant.ofEpochMilli(when)));
            }
        }
        for (int i = 0; i < adopted.size(); i++) {
            Migration expected = directory.migrations().get(i);
            if (adopted.get(i).migration() != expected) {
                throw mismatch(database, "drizzle applied " + adopted.get(i).migration().tag() + " but not "
                        + expected.tag() + ", which comes before it in the journal",
                        "Apply the database with drizzle-kit migrate once more, or repair it by hand.");
            }
        }
        return adopted;
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
                    Files.newInputStream(directory.root().resolve(migration.tag() + ".sql")), digest)) {
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
