CREATE TABLE `access_requests` (
	`id` integer PRIMARY KEY NOT NULL,
	`requester_account_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`post_id` integer,
	`seat` integer,
	`person_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`decided_by_account_id` integer,
	`decided_at` text,
	FOREIGN KEY (`requester_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_requests_status_idx` ON `access_requests` (`status`,`unit_id`);--> statement-breakpoint
CREATE TABLE `password_reset_requests` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `password_reset_requests_account_idx` ON `password_reset_requests` (`account_id`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `tenures` ADD `end_kind` text;--> statement-breakpoint
UPDATE `tenures` SET `end_kind` = 'replaced', `end_reason` = NULL WHERE `end_reason` = 'replaced';--> statement-breakpoint
UPDATE `tenures` SET `end_kind` = 'imported', `end_reason` = NULL WHERE `end_reason` = 'replaced (import)';--> statement-breakpoint
UPDATE `tenures` SET `end_kind` = 'vacated' WHERE `end_date` IS NOT NULL AND `end_kind` IS NULL;
