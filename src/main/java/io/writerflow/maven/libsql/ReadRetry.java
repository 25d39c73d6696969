package io.writerflow.maven.libsql;

import java.sql.SQLException;

/**
 * Sends a request that changes nothing again after a transport failure other than a timeout (twice, after 0.25 s
 * and 0.5 s; a server silent for a whole timeout fails the goal after that one timeout), or one
 * that leaves the same when run twice. Writes never come here: a lost response leaves their outcome unknown,
 * and the caller decides. The last failure is thrown as a repeatable request's: whether it ran does not matter.
 */
final class ReadRetry {

    private static final int ATTEMPTS = 3;

    /** A request that may be sent again. */
    @FunctionalInterface
    interface Read<T> {
        T run() throws SQLException;
    }

    private ReadRetry() {
    }

    static <T> T run(Read<T> read) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.run();
            } catch (LibsqlTransportException e) {
                if (attempt >= ATTEMPTS || e instanceof LibsqlTimeoutException) {
                    throw e.ofRepeatable();
                }
                try {
                    Thread.sleep(250L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e.ofRepeatable();
                }
            }
        }
    }
}
