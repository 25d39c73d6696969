package io.writerflow.maven.engine.history;

import io.writerflow.maven.WriterflowException;
import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.libsql.LibsqlException;
import io.writerflow.maven.migrations.Migration;
import io.writerflow.maven.migrations.MigrationDirectory;
import io.writerflow.maven.sql.SqlQuoting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * drizzle's own history table as read at the start of a goal: {@code __drizzle_migrations} (or drizzle.config's
 * {@code migrations.table}), one row per migration drizzle-kit migrate or drizzle-orm's migrator applied: the
 * SHA-256 of the .sql file's text and, as {@code created_at}, the journal entry's {@code when} (drizzle-orm
 * 0.x) or the migration folder's timestamp in UTC milliseconds (drizzle-orm 1.0, which also records the
 * folder's {@code name} and {@code applied_at}, and adds those two columns to an older table).
 *
 * @param named whether the table has drizzle-orm 1.0's {@code name} and {@code applied_at} columns
 */
public record DrizzleTable(String name, boolean exists, boolean named, List<Row> rows) {

    /** One row; {@code name} is null before drizzle-orm 1.0. */
    record Row(String hash, long createdAt, String name) {
    }

    static DrizzleTable absent(String name) {
        return new DrizzleTable(name, false, false, List.of());
    }

    /** The reads that make a table with {@link #of}: whether it exists, then its rows. */
    static List<Hrana.BatchStep> reads(String name) {
        return List.of(
                new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                        + " AND name = ?", name)),
                new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT * FROM " + SqlQuoting.identifier(name))));
    }

    /** From the results of {@link #reads}, in one request with others. */
    static DrizzleTable of(String name, Hrana.StmtResult exists, Hrana.StmtResult rows, LibsqlException rowsError)
            throws SQLException {
        if (((Number) exists.rows().get(0).get(0)).intValue() == 0) {
            return absent(name);
        }
        if (rows == null) {
            throw rowsError;
        }
        List<String> columns = rows.cols().stream().map(Hrana.Column::name).toList();
        List<Row> read = new ArrayList<>();
        for (List<Object> values : rows.rows()) {
            read.add(row(name, values.get(columns.indexOf("hash")), values.get(columns.indexOf("created_at")),
                    columns.contains("name") ? values.get(columns.indexOf("name")) : null));
        }
        return new DrizzleTable(name, true, columns.contains("name"), List.copyOf(read));
    }

    /** Through JDBC. */
    public static DrizzleTable read(Connection connection, String name) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                     + " AND name = " + SqlQuoting.literal(name))) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return absent(name);
            }
        }
        List<Row> rows = new ArrayList<>();
        boolean named = false;
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + SqlQuoting.identifier(name))) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                named |= rs.getMetaData().getColumnLabel(i).equalsIgnoreCase("name");
            }
            while (rs.next()) {
                rows.add(row(name, rs.getString("hash"), rs.getString("created_at"),
                        named ? rs.getString("name") : null));
            }
        }
        return new DrizzleTable(name, true, named, List.copyOf(rows));
    }

    private static Row row(String table, Object hash, Object createdAt, Object name) {
        if (createdAt == null) {
            throw new WriterflowException(table + " has a row without created_at (hash " + hash + "), which drizzle's"
                    + " migrator never writes. Nothing was changed.", "Delete or fix that row of " + table + ".");
        }
        return new Row(hash == null ? null : hash.toString(),
                new BigDecimal(createdAt.toString().strip()).longValue(), name == null ? null : name.toString());
    }

    /**
     * The migration a row records, as drizzle-orm 1.0 matches its own rows when it names them: by name; else by
     * {@code created_at} (to the second, where drizzle-kit 1.0's {@code up} turned a journal's {@code when} into a
     * folder's timestamp), the hash deciding between migrations of the same time.
     */
    static Optional<Migration> match(Row row, MigrationDirectory directory) {
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

    /** Whether a row records {@code migration}. */
    boolean records(Migration migration, MigrationDirectory directory) {
        return rows.stream().anyMatch(r -> match(r, directory).orElse(null) == migration);
    }

    /** drizzle's hash of a migration: SHA-256 of the file's text, hex. */
    static String sha256(MigrationDirectory directory, Migration migration) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // digested as read: a large data migration is not held whole for its hash
            try (InputStream in = new DigestInputStream(
                    Files.newInputStream(directory.root().resolve(migration.entry().sql())), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new WriterflowException("Cannot read " + migration.file() + ": " + e.getMessage(),
                    "Check the file's permissions.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
