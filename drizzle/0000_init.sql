CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_id` integer,
	`login` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_login_unique` ON `accounts` (`login`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor_account_id` integer,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer,
	`unit_id` integer,
	`before` text,
	`after` text,
	`outcome` text DEFAULT 'ok' NOT NULL,
	FOREIGN KEY (`actor_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_unit_idx` ON `audit_log` (`unit_id`);--> statement-breakpoint
CREATE TABLE `bodies` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`name_hi` text NOT NULL,
	`name_en` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bodies_key_unique` ON `bodies` (`key`);--> statement-breakpoint
CREATE TABLE `grants` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`body_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `grants_account_idx` ON `grants` (`account_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY NOT NULL,
	`name_hi` text NOT NULL,
	`name_en` text NOT NULL,
	`mobile` text,
	`whatsapp` text,
	`email` text,
	`home_unit_id` integer,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`home_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_mobile_idx` ON `people` (`mobile`);--> statement-breakpoint
CREATE INDEX `people_home_unit_idx` ON `people` (`home_unit_id`);--> statement-breakpoint
CREATE TABLE `posts` (
	`id` integer PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`body_id` integer NOT NULL,
	`title_key` text NOT NULL,
	`title_hi` text NOT NULL,
	`title_en` text NOT NULL,
	`seats` integer DEFAULT 1 NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "posts_seats_positive" CHECK("posts"."seats" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `posts_level_body_title_idx` ON `posts` (`level`,`body_id`,`title_key`);--> statement-breakpoint
CREATE TABLE `tenures` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`post_id` integer NOT NULL,
	`seat` integer DEFAULT 1 NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`end_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "tenures_end_after_start" CHECK("tenures"."end_date" is null or "tenures"."end_date" >= "tenures"."start_date"),
	CONSTRAINT "tenures_seat_positive" CHECK("tenures"."seat" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tenures_current_seat_idx` ON `tenures` (`unit_id`,`post_id`,`seat`) WHERE "tenures"."end_date" is null;--> statement-breakpoint
CREATE INDEX `tenures_person_idx` ON `tenures` (`person_id`);--> statement-breakpoint
CREATE INDEX `tenures_unit_idx` ON `tenures` (`unit_id`,`end_date`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY NOT NULL,
	`parent_id` integer,
	`level` text NOT NULL,
	`name_hi` text NOT NULL,
	`name_en` text NOT NULL,
	`code` text,
	`reserved` text,
	`whatsapp_url` text,
	`is_generated` integer DEFAULT false NOT NULL,
	`path` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "units_root_is_state" CHECK(("units"."parent_id" is null) = ("units"."level" = 'state'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_path_idx` ON `units` (`path`);--> statement-breakpoint
CREATE INDEX `units_parent_idx` ON `units` (`parent_id`);--> statement-breakpoint
CREATE INDEX `units_level_path_idx` ON `units` (`level`,`path`);