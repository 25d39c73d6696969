package io.writerflow.maven.engine.backup;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Where an apply writes its backup before the first pending migration runs. What the backup leaves out is the
 * engine's to decide (its own migration lock, held meanwhile), not the caller's.
 *
 * @param directory created when missing
 * @param clock     stamps the backup's file name
 */
public record BackupTarget(Path directory, Clock clock) {
}
