CREATE TABLE `seed` (`id` integer PRIMARY KEY, `note` text);
--> statement-breakpoint
INSERT INTO `seed` (`id`, `note`) VALUES (1, 'once');