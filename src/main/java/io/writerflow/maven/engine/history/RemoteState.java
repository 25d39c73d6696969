package io.writerflow.maven.engine.history;

import io.writerflow.maven.engine.steps.Catalog;
import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.libsql.HranaClient;
import io.writerflow.maven.sql.SqlQuoting;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a remote database's apply or status starts from, read in one request (or in the request that takes the
 * lock): the history, whether its table exists, the tables, drizzle's table, and the schema's objects (which a
 * rebuild's neighbours are worked out from, see {@link io.writerflow.maven.engine.steps.ShadowSchema}).
 */
public record RemoteState(boolean historyExists, List<HistoryStatus.Row> rows, List<String> tables, DrizzleTable drizzle,
                   Catalog catalog) {

    /** Where {@link #reads} reads the schema's objects. */
    private static final int CATALOG = 5;

    public HistoryHead head() {
        return new HistoryHead(rows.stream().mapToInt(HistoryStatus.Row::rank).max().orElse(0), historyExists);
    }

    /** The reads that make a state, to send alone or along with taking the lock. */
    public static List<Hrana.BatchStep> reads(String historyTable, String drizzleTable) {
        List<Hrana.BatchStep> reads = new ArrayList<>(List.of(
                new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                        + " AND name = ?", historyTable)),
                new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT " + HistoryStatus.COLUMNS + " FROM "
                        + SqlQuoting.identifier(historyTable) + " ORDER BY installed_rank")),
                new Hrana.BatchStep(null, Hrana.Stmt.of("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                        + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"))));
        reads.addAll(DrizzleTable.reads(drizzleTable));
        reads.add(new Hrana.BatchStep(null, Hrana.Stmt.of(Catalog.QUERY)));
        return reads;
    }

    /** One request: {@link #reads}. */
    public static RemoteState read(HranaClient client, String historyTable, String drizzleTable) throws SQLException {
        return of(client.retryingBatch(reads(historyTable, drizzleTable)), drizzleTable);
    }

    /** The state from the results of {@link #reads}. */
    public static RemoteState of(Hrana.BatchResult result, String drizzleTable) throws SQLException {
        for (int i : new int[] {0, 2, 3, CATALOG}) {
            if (result.stepResults().get(i) == null) {
                throw result.stepErrors().get(i);
            }
        }
        boolean exists = ((Number) result.stepResults().get(0).rows().get(0).get(0)).intValue() > 0;
        List<HistoryStatus.Row> rows = new ArrayList<>();
        if (exists) {
            if (result.stepResults().get(1) == null) {
                throw result.stepErrors().get(1);
            }
            result.stepResults().get(1).rows().forEach(r -> rows.add(HistoryStatus.Row.of(r)));
        }
        List<String> tables = result.stepResults().get(2).rows().stream().map(r -> String.valueOf(r.get(0))).toList();
        DrizzleTable drizzle = DrizzleTable.of(drizzleTable, result.stepResults().get(3), result.stepResults().get(4),
                result.stepErrors().get(4));
        return new RemoteState(exists, rows, tables, drizzle, Catalog.of(result.stepResults().get(CATALOG).rows()));
    }
}
