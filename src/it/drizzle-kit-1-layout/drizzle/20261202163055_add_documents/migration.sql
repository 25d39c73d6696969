CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`owner_id` integer NOT NULL,
	`title` text NOT NULL,
	CONSTRAINT `fk_documents_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE CASCADE,
	CONSTRAINT `documents_owner_id_title_unique` UNIQUE(`owner_id`,`title`)
);
--> statement-breakpoint
CREATE INDEX `documents_owner_idx` ON `documents` (`owner_id`);--> statement-breakpoint
CREATE VIEW `titles` AS select "id", "title" from "documents";