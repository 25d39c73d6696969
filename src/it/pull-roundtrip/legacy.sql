CREATE TABLE `authors` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `name` text NOT NULL, `email` text NOT NULL UNIQUE, `created_at` integer DEFAULT (unixepoch()) NOT NULL);
CREATE TABLE `posts` (`id` integer PRIMARY KEY NOT NULL, `author_id` integer NOT NULL REFERENCES `authors`(`id`) ON DELETE cascade, `title` text(200) NOT NULL, `status` text DEFAULT 'draft' NOT NULL, `score` real DEFAULT 0.5, `word count` integer, CONSTRAINT `posts_score_check` CHECK("score" >= 0));
CREATE INDEX `posts_author_idx` ON `posts` (`author_id`);
CREATE INDEX `posts_live_idx` ON `posts` (lower("title")) WHERE "status" = 'live';
CREATE VIEW `live_posts` AS select "id", "title" from "posts" where "status" = 'live';
INSERT INTO `authors` (`name`, `email`) VALUES ('Ada', 'ada@example.com');
INSERT INTO `posts` (`author_id`, `title`, `status`) VALUES (1, 'Hello', 'live');
