package io.writerflow.maven.migrations;

import java.util.List;

/** drizzle-kit's {@code meta/_journal.json}: the order and membership of the migrations. */
public record Journal(String version, String dialect, List<JournalEntry> entries) {

    public Journal {
        entries = List.copyOf(entries);
    }
}
