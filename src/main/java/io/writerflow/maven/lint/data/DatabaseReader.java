package io.writerflow.maven.lint.data;

import io.writerflow.maven.engine.EngineSettings;
import io.writerflow.maven.engine.database.EmbeddedDatabases;
import io.writerflow.maven.engine.database.ForeignKeyCheck;
import io.writerflow.maven.engine.database.OpenDatabase;
import io.writerflow.maven.engine.database.RemoteDatabases;
import io.writerflow.maven.libsql.Hrana;
import io.writerflow.maven.libsql.HranaClient;
import io.writerflow.maven.settings.DatabaseUrl;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured database as the lint reads it: a file opened read only through sqlite-jdbc, or a remote libSQL
 * server sent every query in one pipeline request. Neither takes the migration lock: the queries only read, and a
 * lint must not wait for, or hold up, an apply.
 */
public final class DatabaseReader implements DataReader {

    private final EngineSettings settings;
    private final String described;
    private final Optional<HranaClient> remote;
    private final Optional<Connection> embedded;
    private final AutoCloseable closing;

    private DatabaseReader(EngineSettings settings, String described, Optional<HranaClient> remote, Optional<Connection> embedded,
            AutoCloseable closing) {
        this.settings = settings;
        this.described = described;
        this.remote = remote;
        this.embedded = embedded;
        this.closing = closing;
    }

    /**
     * The database of {@code settings}, opened without a request yet; empty for one there is nothing to read in:
     * an in-memory database, or a file that does not exist (which is never created here).
     */
    public static Optional<DataReader> open(EngineSettings settings) {
        DatabaseUrl url = settings.url();
        if (url instanceof DatabaseUrl.Remote remote) {
            OpenDatabase database = RemoteDatabases.connect(settings, remote);
            return Optional.of(new DatabaseReader(settings, remote.display(), database.remote(), Optional.empty(), database));
        }
        if (url instanceof DatabaseUrl.File file && Files.isRegularFile(file.path())) {
            OpenDatabase database = new OpenDatabase(EmbeddedDatabases.open(url, settings.urlSource(), true,
                    settings.lockTimeout()), Optional.empty(), new ForeignKeyCheck.None(), false, false);
            return Optional.of(new DatabaseReader(settings, file.display(), Optional.empty(),
                    Optional.of(database.connection()), database));
        }
        return Optional.empty();
    }

    @Override
    public String described() {
        return described;
    }

    @Override
    public List<Answer> read(List<String> queries) {
        return remote.isPresent() ? remote(queries) : embedded(queries);
    }

    /** One batch without conditions: each step runs whatever the others did, and answers on its own. */
    private List<Answer> remote(List<String> queries) {
        List<Hrana.BatchStep> steps = queries.stream().map(q -> new Hrana.BatchStep(null, Hrana.Stmt.of(q))).toList();
        Hrana.BatchResult result;
        try {
            result = remote.get().batch(steps);
        } catch (SQLException e) {
            // the engine's message: it names where the token came from, never the token
            throw RemoteDatabases.failure(settings, e, "Nothing was read.");
        }
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            SQLException error = i < result.stepErrors().size() ? result.stepErrors().get(i) : null;
            Hrana.StmtResult rows = i < result.stepResults().size() ? result.stepResults().get(i) : null;
            answers.add(error != null ? Answer.failed(error.getMessage())
                    : rows == null ? Answer.failed("no answer") : Answer.rows(rows.rows()));
        }
        return answers;
    }

    private List<Answer> embedded(List<String> queries) {
        List<Answer> answers = new ArrayList<>();
        for (String query : queries) {
            try (Statement statement = embedded.get().createStatement();
                 ResultSet rows = statement.executeQuery(query)) {
                List<List<Object>> read = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rows.getObject(c));
                    }
                    read.add(row);
                }
                answers.add(Answer.rows(read));
            } catch (SQLException e) {
                answers.add(Answer.failed(e.getMessage()));
            }
        }
        return answers;
    }

    @Override
    public void close() {
        try {
            closing.close();
        } catch (Exception e) {
            // a read-only connection: nothing is lost when its close fails
        }
    }
}
