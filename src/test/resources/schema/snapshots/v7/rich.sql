CREATE TABLE `groups` (
	`id` integer PRIMARY KEY,
	`name` text NOT NULL CONSTRAINT `groups_name_named` UNIQUE
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`user_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	CONSTRAINT `memberships_pk` PRIMARY KEY(`user_id`, `group_id`),
	CONSTRAINT `fk_memberships_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE,
	CONSTRAINT `m_group_fk` FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE CASCADE
);
--> statement-breakpoint
CREATE TABLE `tags` (
	`k` text NOT NULL,
	`v` text NOT NULL,
	CONSTRAINT `tags_kv` PRIMARY KEY(`k`, `v`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`email` text(256) NOT NULL UNIQUE,
	`handle` text CONSTRAINT `users_handle_named` UNIQUE,
	`flag` integer DEFAULT true,
	`score` real DEFAULT 1.5,
	`motto` text DEFAULT 'it''s',
	`created_at` integer DEFAULT (unixepoch()),
	`lower` text GENERATED ALWAYS AS (lower(email)) VIRTUAL,
	`upper` text GENERATED ALWAYS AS (upper(email)) STORED,
	`n` numeric,
	`b` blob,
	`first` text,
	`last` text,
	CONSTRAINT `users_first_last_unique` UNIQUE(`first`,`last`),
	CONSTRAINT "score_check" CHECK("score" > 0)
);
--> statement-breakpoint
CREATE INDEX `users_lower_idx` ON `users` (lower("email"),`score`) WHERE "users"."flag" = 1;--> statement-breakpoint
CREATE UNIQUE INDEX `users_score_uq` ON `users` (`score`);--> statement-breakpoint
CREATE VIEW `active_users` AS select "id", "email" from "users" where "flag" = 1;