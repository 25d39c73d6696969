CREATE TABLE `bulk` (`n` integer);
--> statement-breakpoint
INSERT INTO `bulk` (`n`) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 400000) SELECT n FROM c;