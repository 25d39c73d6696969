ALTER TABLE `documents` ADD `slug` text;--> statement-breakpoint
CREATE UNIQUE INDEX `documents_slug_unique` ON `documents` (`slug`);