package io.writerflow.maven.engine.history;

import io.writerflow.maven.sql.SqlQuoting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history of an embedded database read with two queries, for {@link HistoryStatus}: what status and an
 * apply with nothing pending need, without starting Flyway, whose configuration, plugins and info cost a fresh
 * Maven process 0.3 to 0.6 s for a read of a few rows. Remote databases are read the same way, in one request.
 *
 * <p>Only a history of the rows this plugin writes is read here: type {@code SQL}, what Flyway records for the
 * directory's migrations and {@link HistoryRows} for adopted and baselined ones. Any other row (a Flyway
 * baseline or schema marker, a deleted-migration marker written by repair), or a table of another
 * shape, is left to Flyway's own reading, which knows every kind.
 */
public final class EmbeddedHistory {

    private EmbeddedHistory() {
    }

    /**
     * @return the rows (none when the table does not exist), or empty when only Flyway can read this history
     */
    public static Optional<List<HistoryStatus.Row>> read(Connection connection, String historyTable) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            exists.setString(1, historyTable);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return Optional.of(List.of());
                }
            }
        }
        List<HistoryStatus.Row> rows = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT type, " + HistoryStatus.COLUMNS + " FROM "
                     + SqlQuoting.identifier(historyTable) + " ORDER BY installed_rank")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                if (!"SQL".equals(rs.getString(1))) {
                    return Optional.empty();
                }
                List<Object> values = new ArrayList<>(columns - 1);
                for (int i = 2; i <= columns; i++) {
                    values.add(rs.getObject(i));
                }
                rows.add(HistoryStatus.Row.of(values));
            }
        } catch (SQLException | ClassCastException e) {
            // not Flyway's columns or types: Flyway's reading says what is wrong with the table
            return Optional.empty();
        }
        return Optional.of(rows);
    }
}
