package io.writerflow.maven.engine.history;

/**
 * Where the history stands when an apply starts: its last rank, which the apply's guard checks is still the
 * last when it commits, and whether its table exists yet.
 */
public record HistoryHead(int lastRank, boolean exists) {
}
