CREATE TABLE `search_terms` (
	`term` text NOT NULL,
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL,
	PRIMARY KEY(`term`, `kind`, `ref_id`)
);
--> statement-breakpoint
CREATE INDEX `search_terms_ref_idx` ON `search_terms` (`kind`,`ref_id`,`term`);