CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`email` text NOT NULL UNIQUE,
	`score` real DEFAULT 0,
	CONSTRAINT "score_check" CHECK("score" >= 0)
);
