package io.writerflow.maven.lint.data;

import java.util.List;
import java.util.Optional;

/**
 * A database the lint reads, and only reads, to answer the data-dependent findings: the configured one
 * ({@link DatabaseReader}), or a test's.
 */
public interface DataReader extends AutoCloseable {

    /** The database as messages name it, never with its token: {@code libsql://prod.turso.io}. */
    String described();

    /**
     * Runs {@code queries} all at once: one request on a remote database. A query that fails does not stop the
     * others; its answer carries the error.
     *
     * @throws io.writerflow.maven.WriterflowException when the database cannot be reached at all
     */
    List<Answer> read(List<String> queries);

    @Override
    void close();

    /** One query's rows, or why it failed. */
    record Answer(List<List<Object>> rows, Optional<String> error) {

        public Answer {
            rows = List.copyOf(rows);
        }

        public static Answer rows(List<List<Object>> rows) {
            return new Answer(rows, Optional.empty());
        }

        public static Answer failed(String error) {
            return new Answer(List.of(), Optional.of(error));
        }
    }
}
