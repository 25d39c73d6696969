package io.writerflow.maven.pull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** One hand-written database with every feature the introspector reads, pulled in both languages. */
class EveryFeaturePullTest {

    static final String[] EVERY_FEATURE = {
        "CREATE TABLE `users` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `email` text(320) NOT NULL,"
                + " `name` text DEFAULT 'it''s me', `score` real DEFAULT 0.5, `rank` integer DEFAULT -3,"
                + " `balance` numeric DEFAULT 12.50, `avatar` blob, `created_at` integer DEFAULT (unixepoch()) NOT NULL,"
                + " `flag` integer DEFAULT true, `Display Name` varchar(255) DEFAULT 'x',"
                + " `lower_email` text GENERATED ALWAYS AS (lower(`email`)) VIRTUAL,"
                + " `email_len` integer GENERATED ALWAYS AS (length(\"email\")) STORED,"
                + " CONSTRAINT \"score_check\" CHECK(\"users\".\"score\" >= 0 AND `name` <> 'a`b${c}\\d'))",
        "CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`)",
        "CREATE INDEX `users_lower_idx` ON `users` (lower(\"name\")) WHERE \"score\" > 1",
        "CREATE TABLE `class` (`user_id` integer NOT NULL, `group` text NOT NULL, `manager_id` integer,"
                + " `manager_group` text, PRIMARY KEY(`user_id`, `group`),"
                + " FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE cascade ON DELETE cascade,"
                + " FOREIGN KEY (`manager_id`, `manager_group`) REFERENCES `class`(`user_id`, `group`) ON DELETE set null,"
                + " CONSTRAINT `class_pair` UNIQUE(`manager_id`, `manager_group`))",
        "CREATE TABLE `node` (`id` text PRIMARY KEY NOT NULL, `parent` text REFERENCES `node`(`id`),"
                + " `owner` integer REFERENCES `users`(`id`) ON DELETE restrict, `slug` text UNIQUE)",
        "CREATE VIEW `user_names` AS select \"id\", \"name\" from \"users\" where `score` > 0",
    };

    @TempDir
    Path project;

    @Test
    void everyFeatureRoundTripsInTypeScript() throws Exception {
        PullFixture fixture = new PullFixture(project);
        fixture.execute(EVERY_FEATURE);
        PullResult result = fixture.pullAndCheck("src/db/schema.ts", PullLanguage.TS);
        assertTrue(result.notes().isEmpty(), result.notes().toString());
    }

    @Test
    void everyFeatureRoundTripsInJavaScript() throws Exception {
        PullFixture fixture = new PullFixture(project);
        fixture.execute(EVERY_FEATURE);
        fixture.pullAndCheck("src/db/schema.js", PullLanguage.JS);
    }
}
