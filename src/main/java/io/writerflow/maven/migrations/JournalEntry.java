package io.writerflow.maven.migrations;

/**
 * One entry of drizzle-kit's {@code meta/_journal.json}: {@code idx} orders it, {@code tag} names its
 * {@code <tag>.sql} file and {@code when} is the creation time in epoch milliseconds.
 */
public record JournalEntry(int idx, String version, long when, String tag, boolean breakpoints) {
}
