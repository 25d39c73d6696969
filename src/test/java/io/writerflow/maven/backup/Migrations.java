package io.writerflow.maven.backup;

import io.writerflow.maven.testing.DrizzleDirectory;

import java.util.List;

/** The first migration the backup tests share. */
final class Migrations {

    private Migrations() {
    }

    /** The notes table with three rows, as tag and SQL for {@link DrizzleDirectory#inProject}. */
    static final List<String> INIT = List.of("0000_init",
            "CREATE TABLE `notes` (`id` integer PRIMARY KEY, `body` text);\n--> statement-breakpoint\n"
                    + "INSERT INTO `notes` (`body`) VALUES ('a'), (NULL), ('c');");
}
