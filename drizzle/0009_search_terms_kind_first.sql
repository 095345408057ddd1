PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_search_terms` (
	`term` text NOT NULL,
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL,
	PRIMARY KEY(`kind`, `term`, `ref_id`)
);
--> statement-breakpoint
INSERT INTO `__new_search_terms`("term", "kind", "ref_id") SELECT "term", "kind", "ref_id" FROM `search_terms`;--> statement-breakpoint
DROP TABLE `search_terms`;--> statement-breakpoint
ALTER TABLE `__new_search_terms` RENAME TO `search_terms`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `search_terms_ref_idx` ON `search_terms` (`kind`,`ref_id`,`term`);