package io.writerflow.maven.engine.backup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A backup written.
 *
 * @param file  the {@code .sqlite} copy or {@code .sql} dump
 * @param bytes its size
 * @param rows  rows in the database's tables at the time
 */
public record Backup(Path file, long bytes, long rows, Duration duration) {

    /** "1.4 MB", "812 B": for the log line. */
    public String size() {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
