CREATE TABLE `drives` (
	`id` integer PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`post_id` integer,
	`since` text,
	`deadline` text NOT NULL,
	`created_by_account_id` integer,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "drives_post_kind" CHECK(("drives"."kind" = 'post') = ("drives"."post_id" is not null)),
	CONSTRAINT "drives_meeting_since" CHECK("drives"."kind" <> 'meeting' or "drives"."since" is not null)
);
--> statement-breakpoint
CREATE INDEX `drives_unit_idx` ON `drives` (`unit_id`);--> statement-breakpoint
CREATE TABLE `meeting_bodies` (
	`meeting_id` integer NOT NULL,
	`body_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `body_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_invitees` (
	`id` integer PRIMARY KEY NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer,
	`role` text NOT NULL,
	`name_hi` text NOT NULL,
	`name_en` text NOT NULL,
	`post_hi` text DEFAULT '' NOT NULL,
	`post_en` text DEFAULT '' NOT NULL,
	`unit_id` integer,
	`attended` integer,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_invitees_person_idx` ON `meeting_invitees` (`meeting_id`,`person_id`) WHERE "meeting_invitees"."person_id" is not null;--> statement-breakpoint
CREATE INDEX `meeting_invitees_by_person_idx` ON `meeting_invitees` (`person_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`title` text NOT NULL,
	`starts_at` text NOT NULL,
	`duration_minutes` integer DEFAULT 60 NOT NULL,
	`mode` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`agenda` text DEFAULT '' NOT NULL,
	`lang` text DEFAULT 'hi' NOT NULL,
	`invite_rules` text,
	`minutes` text DEFAULT '' NOT NULL,
	`decisions` text DEFAULT '' NOT NULL,
	`press_note` text,
	`reconstructed` integer DEFAULT false NOT NULL,
	`created_by_account_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_duration_positive" CHECK("meetings"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE INDEX `meetings_unit_idx` ON `meetings` (`unit_id`,`starts_at`);