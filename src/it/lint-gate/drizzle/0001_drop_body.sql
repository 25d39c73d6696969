-- Hand-written: document bodies moved to object storage.
ALTER TABLE `documents` DROP COLUMN `body`;--> statement-breakpoint
-- writerflow:lint-ignore WF301 titles are unique already (checked on production, 2026-11-30)
CREATE UNIQUE INDEX `documents_title_unique` ON `documents` (`title`);