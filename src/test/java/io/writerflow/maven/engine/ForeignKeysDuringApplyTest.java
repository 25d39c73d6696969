package io.writerflow.maven.engine;

import io.writerflow.maven.WriterflowException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How apply treats foreign keys: rebuilds keep children, and a migration may not leave orphans behind. */
class ForeignKeysDuringApplyTest {

    @TempDir
    Path project;

    MigrationFixture fixture;

    @BeforeEach
    void usersWithCascadingDocuments() throws Exception {
        fixture = new MigrationFixture(project).migration("0000_init", """
                CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL, `name` text);
                --> statement-breakpoint
                CREATE TABLE `documents` (
                \t`id` integer PRIMARY KEY NOT NULL,
                \t`owner_id` integer NOT NULL,
                \tFOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
                );""");
        fixture.apply();
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("INSERT INTO users VALUES (1, 'ada'), (2, NULL)");
            s.execute("INSERT INTO documents VALUES (10, 1), (11, 1), (12, 2)");
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = fixture.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void rebuildingACascadeParentKeepsItsChildren() throws Exception {
        // drizzle-kit's rebuild, PRAGMAs included: inside the migration's transaction they do nothing
        fixture.migration("0001_rebuild_users", """
                PRAGMA foreign_keys=OFF;--> statement-breakpoint
                CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL, `name` text NOT NULL DEFAULT 'anon');
                --> statement-breakpoint
                INSERT INTO `__new_users`("id", "name") SELECT "id", IFNULL("name", 'anon') FROM `users`;--> statement-breakpoint
                DROP TABLE `users`;--> statement-breakpoint
                ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
                PRAGMA foreign_keys=ON;""");
        fixture.apply();
        assertEquals(3, count("SELECT count(*) FROM documents"));
        assertEquals(1, count("SELECT count(*) FROM users WHERE name = 'anon'"));
    }

    @Test
    void migrationLeavingOrphansIsRolledBack() throws Exception {
        fixture.migration("0001_orphans", "DELETE FROM `users` WHERE `id` = 1;");
        WriterflowException e = assertThrows(WriterflowException.class, fixture::apply);
        assertTrue(e.getMessage().contains("0001_orphans") && e.getMessage().contains("documents -> users (2 rows)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("still at 0000_init"), e.getMessage());
        assertEquals(2, count("SELECT count(*) FROM users"));
        assertEquals(1, fixture.history().size());
    }

    @Test
    void becomingNotNullWithoutADefaultNamesTheNullRows() throws Exception {
        fixture.migration("0001_name_required", """
                CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL, `name` text NOT NULL);
                --> statement-breakpoint
                INSERT INTO `__new_users`("id", "name") SELECT "id", "name" FROM `users`;--> statement-breakpoint
                DROP TABLE `users`;--> statement-breakpoint
                ALTER TABLE `__new_users` RENAME TO `users`;""");
        WriterflowException e = assertThrows(WriterflowException.class, fixture::apply);
        assertTrue(e.getMessage().contains("users.name becomes NOT NULL without a default, and 1 row of users holds NULL"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Give the column a default"), e.getMessage());
        assertEquals(2, count("SELECT count(*) FROM users"));
        assertEquals(3, count("SELECT count(*) FROM documents"));
    }
}
