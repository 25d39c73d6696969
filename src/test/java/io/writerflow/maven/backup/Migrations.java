package io.writerflow.maven.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a drizzle directory (journal and NNNN_tag.sql files) for the tests. */
final class Migrations {

    private Migrations() {
    }

    /** @param migrations tag, sql, tag, sql, ... */
    static Path write(Path project, String... migrations) throws Exception {
        Path drizzle = project.resolve("drizzle");
        Files.createDirectories(drizzle.resolve("meta"));
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < migrations.length; i += 2) {
            int idx = i / 2;
            Files.writeString(drizzle.resolve(migrations[i] + ".sql"), migrations[i + 1]);
            entries.append(idx == 0 ? "" : ",").append("\n{\"idx\": ").append(idx)
                    .append(", \"version\": \"6\", \"when\": ").append(1700000000000L + idx)
                    .append(", \"tag\": \"").append(migrations[i]).append("\", \"breakpoints\": true}");
        }
        Files.writeString(drizzle.resolve("meta/_journal.json"),
                "{\"version\": \"7\", \"dialect\": \"sqlite\", \"entries\": [" + entries + "]}\n");
        return drizzle;
    }

    static final List<String> INIT = List.of("0000_init",
            "CREATE TABLE `notes` (`id` integer PRIMARY KEY, `body` text);\n--> statement-breakpoint\n"
                    + "INSERT INTO `notes` (`body`) VALUES ('a'), (NULL), ('c');");
}
