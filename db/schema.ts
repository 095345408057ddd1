/**
 * The party organisation as data.
 *
 * Glossary (the organisation's own words, kept as identifiers):
 *   state › district › assembly (vidhan sabha constituency) › mandal (a block-sized unit)
 *   › shakti_kendra (a group of 4–6 booths) › booth (a polling station).
 *   body: the organisation itself (sangathan), the IT cell, the social media department,
 *   or a morcha (a wing: youth, women, farmers, SC, ST, OBC, minority).
 *   post: a (level, body, title) entry of the catalogue with a number of seats;
 *   tenure: a person holding one seat of a post at one unit, from a date, until a date.
 */
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { LEVELS, type Level } from "../lib/tree";

// The levels are defined once, in lib/tree; re-exported for the code that reads rows with them.
export { LEVELS, type Level };

export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

const timestamp = (name = "created_at") =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const units = sqliteTable(
  "units",
  {
    id: integer("id").primaryKey(),
    // The parent is the truth; `path` is derived from it ("/1/40/812/") for subtree range scans.
    parentId: integer("parent_id").references((): AnySQLiteColumn => units.id),
    level: text("level", { enum: LEVELS }).notNull(),
    nameHi: text("name_hi").notNull(),
    nameEn: text("name_en").notNull(),
    code: text("code"),
    reserved: text("reserved"),
    whatsappUrl: text("whatsapp_url"),
    isGenerated: integer("is_generated", { mode: "boolean" }).notNull().default(false),
    path: text("path").notNull(),
    createdAt: timestamp(),
  },
  (t) => [
    uniqueIndex("units_path_idx").on(t.path),
    index("units_parent_idx").on(t.parentId),
    index("units_level_path_idx").on(t.level, t.path),
    check("units_root_is_state", sql`(${t.parentId} is null) = (${t.level} = 'state')`),
  ],
);

export const bodies = sqliteTable("bodies", {
  id: integer("id").primaryKey(),
  key: text("key").notNull().unique(),
  nameHi: text("name_hi").notNull(),
  nameEn: text("name_en").notNull(),
  sort: integer("sort").notNull().default(0),
});

/** The post catalogue: which (body, title) posts exist at which level, and how many seats. */
export const posts = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey(),
    level: text("level", { enum: LEVELS }).notNull(),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    titleKey: text("title_key").notNull(),
    titleHi: text("title_hi").notNull(),
    titleEn: text("title_en").notNull(),
    seats: integer("seats").notNull().default(1),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [
    uniqueIndex("posts_level_body_title_idx").on(t.level, t.bodyId, t.titleKey),
    check("posts_seats_positive", sql`${t.seats} >= 1`),
  ],
);

export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey(),
    nameHi: text("name_hi").notNull(),
    nameEn: text("name_en").notNull(),
    mobile: text("mobile"),
    whatsapp: text("whatsapp"),
    email: text("email"),
    homeUnitId: integer("home_unit_id").references(() => units.id),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp(),
  },
  (t) => [
    uniqueIndex("people_mobile_idx").on(t.mobile),
    // The twin check looks a number up in both columns.
    index("people_whatsapp_idx").on(t.whatsapp),
    index("people_home_unit_idx").on(t.homeUnitId),
  ],
);

export const tenures = sqliteTable(
  "tenures",
  {
    id: integer("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id),
    seat: integer("seat").notNull().default(1),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    // How the tenure ended (shown translated); end_reason is the free text beside it.
    endKind: text("end_kind", { enum: ["replaced", "vacated", "corrected", "imported"] }),
    endReason: text("end_reason"),
    // Set by an admin of the unit: everyone whose grants lie below it may see this holder's number
    // (a district president, a mandal convenor). Otherwise names only above a grant.
    reachableBelow: integer("reachable_below", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp(),
  },
  (t) => [
    // At most one current holder per seat: history rows (end_date set) are not constrained.
    uniqueIndex("tenures_current_seat_idx")
      .on(t.unitId, t.postId, t.seat)
      .where(sql`${t.endDate} is null`),
    index("tenures_person_idx").on(t.personId),
    index("tenures_unit_idx").on(t.unitId, t.endDate),
    check("tenures_end_after_start", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check("tenures_seat_positive", sql`${t.seat} >= 1`),
  ],
);

export const accounts = sqliteTable("accounts", {
  id: integer("id").primaryKey(),
  personId: integer("person_id").references(() => people.id),
  login: text("login").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  // Bumped on logout, password reset and disabling: every session signed with an older epoch ends.
  sessionEpoch: integer("session_epoch").notNull().default(0),
  // Set when an admin resets the password: the person must choose a new one at the next login.
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  createdAt: timestamp(),
});

export const grants = sqliteTable(
  "grants",
  {
    id: integer("id").primaryKey(),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: ROLES }).notNull(),
    // null: every body; otherwise the grant covers only this body's posts.
    bodyId: integer("body_id").references(() => bodies.id),
    createdAt: timestamp(),
  },
  (t) => [index("grants_account_idx").on(t.accountId)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey(),
    at: timestamp("at"),
    actorAccountId: integer("actor_account_id").references(() => accounts.id),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: integer("target_id"),
    unitId: integer("unit_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    outcome: text("outcome", { enum: ["ok", "denied", "failed"] })
      .notNull()
      .default("ok"),
  },
  (t) => [
    index("audit_at_idx").on(t.at),
    index("audit_unit_idx").on(t.unitId),
  ],
);

export type Unit = typeof units.$inferSelect;
export type Body = typeof bodies.$inferSelect;
export type Post = typeof posts.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Tenure = typeof tenures.$inferSelect;
export type Account = typeof accounts.$inferSelect;
export type Grant = typeof grants.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

/** Failed and successful logins, for the per-account and per-address limits. */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey(),
    at: timestamp("at"),
    login: text("login").notNull(),
    address: text("address").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
  },
  (t) => [index("login_attempts_login_idx").on(t.login, t.at), index("login_attempts_address_idx").on(t.address, t.at)],
);

/**
 * Search terms of people (kind "p") and units ("u"): plain Latin words and "~"-marked phonetic
 * skeletons (lib/search/phonetic.ts). Kept in step by triggers calling the search_terms_json()
 * SQL function that db/connection.ts registers on every connection.
 */
export const searchTerms = sqliteTable(
  "search_terms",
  {
    term: text("term").notNull(),
    kind: text("kind", { enum: ["p", "u"] }).notNull(),
    refId: integer("ref_id").notNull(),
  },
  // Kind first: a prefix range over terms then stays within people (or units).
  (t) => [primaryKey({ columns: [t.kind, t.term, t.refId] }), index("search_terms_ref_idx").on(t.kind, t.refId, t.term)],
);

/** An uploaded roster sheet between its preview and its apply (rows as parsed, JSON). */
export const imports = sqliteTable("imports", {
  id: integer("id").primaryKey(),
  accountId: integer("account_id")
    .notNull()
    .references(() => accounts.id),
  unitId: integer("unit_id")
    .notNull()
    .references(() => units.id),
  fileName: text("file_name").notNull(),
  rows: text("rows", { mode: "json" }).notNull(),
  createdAt: timestamp(),
  appliedAt: text("applied_at"),
});

/** Sessions ended by logout before their expiry (JWTs are otherwise valid until they expire). */
export const revokedSessions = sqliteTable("revoked_sessions", {
  sid: text("sid").primaryKey(),
  revokedAt: timestamp("revoked_at"),
});

/**
 * An editor asked to use a person outside their scope (matched by mobile). The editor is only told
 * "this number cannot be used here"; an admin whose scope covers both the unit and the person
 * sees the request and may accept it (the assignment is then made by the admin, audited) or decline.
 */
export const accessRequests = sqliteTable(
  "access_requests",
  {
    id: integer("id").primaryKey(),
    requesterAccountId: integer("requester_account_id")
      .notNull()
      .references(() => accounts.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    postId: integer("post_id").references(() => posts.id),
    seat: integer("seat"),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    status: text("status", { enum: ["open", "accepted", "declined"] })
      .notNull()
      .default("open"),
    createdAt: timestamp(),
    decidedByAccountId: integer("decided_by_account_id").references(() => accounts.id),
    decidedAt: text("decided_at"),
  },
  (t) => [index("access_requests_status_idx").on(t.status, t.unitId)],
);

/** A person's request for a password reset ("forgot password"), seen by the admins covering the account. */
export const passwordResetRequests = sqliteTable(
  "password_reset_requests",
  {
    id: integer("id").primaryKey(),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp(),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("password_reset_requests_account_idx").on(t.accountId)],
);

/**
 * A drive: an admin's target for a unit's subtree with a deadline. What counts, per unit at `level`:
 *   post      — the post (`post_id`, at `level`) has a current holder;
 *   whatsapp  — the unit has a WhatsApp group link;
 *   meeting   — the unit held a meeting on or after `since`.
 * Everyone whose grants cover part of the subtree sees the progress of their part.
 */
export const drives = sqliteTable(
  "drives",
  {
    id: integer("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["post", "whatsapp", "meeting"] }).notNull(),
    level: text("level", { enum: LEVELS }).notNull(),
    postId: integer("post_id").references(() => posts.id),
    since: text("since"),
    deadline: text("deadline").notNull(),
    createdByAccountId: integer("created_by_account_id").references(() => accounts.id),
    closedAt: text("closed_at"),
    createdAt: timestamp(),
  },
  (t) => [
    index("drives_unit_idx").on(t.unitId),
    check("drives_post_kind", sql`(${t.kind} = 'post') = (${t.postId} is not null)`),
    check("drives_meeting_since", sql`${t.kind} <> 'meeting' or ${t.since} is not null`),
  ],
);

/**
 * A meeting of a unit, of one or more bodies (meeting_bodies). `starts_at` is India time as
 * "YYYY-MM-DDTHH:MM". `location` is the video link, the place or the phone number, by `mode`.
 * Agenda points one per line. `reconstructed`: recorded after the fact from a report (the demo's).
 */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    title: text("title").notNull(),
    startsAt: text("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(60),
    mode: text("mode", { enum: ["video", "place", "phone"] }).notNull(),
    location: text("location").notNull().default(""),
    agenda: text("agenda").notNull().default(""),
    lang: text("lang", { enum: ["hi", "en"] }).notNull().default("hi"),
    // The rules the invite list was built from (JSON), to show and re-preview them.
    inviteRules: text("invite_rules", { mode: "json" }),
    minutes: text("minutes").notNull().default(""),
    decisions: text("decisions").notNull().default(""),
    pressNote: text("press_note"),
    reconstructed: integer("reconstructed", { mode: "boolean" }).notNull().default(false),
    createdByAccountId: integer("created_by_account_id").references(() => accounts.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp(),
  },
  (t) => [index("meetings_unit_idx").on(t.unitId, t.startsAt), check("meetings_duration_positive", sql`${t.durationMinutes} > 0`)],
);

export const meetingBodies = sqliteTable(
  "meeting_bodies",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.bodyId] })],
);

/**
 * Who was asked to a meeting, as they were that day (a snapshot: a later roster change does not
 * rewrite it). role: chair, chief guest, invitee, or walk-in (came without an invitation).
 * attended: null not yet marked, false absent, true present.
 */
export const meetingInvitees = sqliteTable(
  "meeting_invitees",
  {
    id: integer("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: integer("person_id").references(() => people.id),
    role: text("role", { enum: ["chair", "guest", "invitee", "walk_in"] }).notNull(),
    nameHi: text("name_hi").notNull(),
    nameEn: text("name_en").notNull(),
    postHi: text("post_hi").notNull().default(""),
    postEn: text("post_en").notNull().default(""),
    unitId: integer("unit_id").references(() => units.id),
    attended: integer("attended", { mode: "boolean" }),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [
    uniqueIndex("meeting_invitees_person_idx").on(t.meetingId, t.personId).where(sql`${t.personId} is not null`),
    index("meeting_invitees_by_person_idx").on(t.personId),
  ],
);

export type Drive = typeof drives.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type MeetingInvitee = typeof meetingInvitees.$inferSelect;

/*
 * Coverage counts: derived data for the dashboards, so that a state's (or the country's) coverage
 * is a few indexed lookups instead of a scan of every tenure below it. Kept in step by triggers on
 * units and tenures (drizzle/0014_coverage_counts.sql), in the writing statement's own transaction,
 * whatever code writes; filled from the existing rows by that migration. A unit's "subtree" includes
 * the unit itself. Rows are kept for the units of the top four levels (state, district, assembly,
 * mandal: a path depth of 0–3) and day rows for the top two; smaller subtrees are counted live.
 * A later migration that makes drizzle-kit rebuild `units` or `tenures` (copy, drop, rename) drops
 * those triggers: scripts/prepare-db.ts then recreates them and rebuilds the counts (see
 * lib/coverage/counts.ts).
 */

/** Current holders (tenures without an end) of each post in a unit's subtree. */
export const coverageFilled = sqliteTable(
  "coverage_filled",
  {
    unitId: integer("unit_id").notNull(),
    postId: integer("post_id").notNull(),
    filled: integer("filled").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.postId] })],
);

/** How many units of each level a unit's subtree holds. */
export const coverageUnits = sqliteTable(
  "coverage_units",
  {
    unitId: integer("unit_id").notNull(),
    level: text("level", { enum: LEVELS }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.level] })],
);

/**
 * Tenure starts (+1) less tenure ends (−1) on each day in a unit's subtree (state and district
 * units only): the seats filled at the end of day D are the sum of every delta up to D, since a
 * tenure counts on its start day and not on its end day.
 */
export const coverageDays = sqliteTable(
  "coverage_days",
  {
    unitId: integer("unit_id").notNull(),
    day: text("day").notNull(),
    delta: integer("delta").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] })],
);
