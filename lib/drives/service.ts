import "server-only";
import { query, transaction } from "@/db";
import { writeAudit } from "@/lib/audit/log";
import { deny, requireUnitRole } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/session";
import { todayInIndia } from "@/lib/roster/dates";
import { levelDepth, type Level } from "@/lib/tree";
import type { CloseDrive, CreateDrive } from "@/lib/validation/drives";

/** Drive writes, for admins of the drive's unit; each audited in its own transaction. */

export type DriveResult<T> = { ok: true; data: T } | { ok: false; fields: Record<string, string[]> };

const postLevel = query<[number], { level: Level; postHi: string; postEn: string }>(
  "select p.level, b.name_hi || ' ' || p.title_hi as \"postHi\", b.name_en || ' ' || p.title_en as \"postEn\" from posts p join bodies b on b.id = p.body_id where p.id = ?",
);
const insertDrive = query<[number, string, string, Level, number | null, string | null, string, number], { id: number }>(
  `insert into drives (unit_id, name, kind, level, post_id, since, deadline, created_by_account_id) values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
);
const driveRow = query<[number], { id: number; unitId: number; name: string; closedAt: string | null }>(
  "select id, unit_id as \"unitId\", name, closed_at as \"closedAt\" from drives where id = ?",
);
const closeRow = query<[string, number]>("update drives set closed_at = ? where id = ? and closed_at is null");

/**
 * A drive for the unit's subtree. What counts must lie below the unit: a post of a lower level
 * (the drive's level is the post's), or a lower level for a WhatsApp group or a meeting. The
 * deadline is today or later; a meeting drive counts meetings from `since`, which may not lie after the deadline.
 */
export async function createDrive(viewer: Viewer, input: CreateDrive, today = todayInIndia()): Promise<DriveResult<{ driveId: number }>> {
  const unit = await requireUnitRole(viewer, input.unitId, "admin", "drive.create");
  const fields: Record<string, string[]> = {};
  let level: Level | null = null;
  // The post's name goes into the audit row too: its details name what the drive counts, not an id.
  let postNames: { postHi: string; postEn: string } | null = null;
  if (input.kind === "post") {
    const post = input.postId === null ? undefined : await postLevel().get(input.postId);
    if (!post) fields.postId = ["post_required"];
    else if (levelDepth(post.level) <= levelDepth(unit.level)) fields.postId = ["post_level"];
    else [level, postNames] = [post.level, { postHi: post.postHi, postEn: post.postEn }];
  } else if (input.level === null) fields.level = ["level_required"];
  else if (levelDepth(input.level) <= levelDepth(unit.level)) fields.level = ["level_below"];
  else level = input.level;
  if (input.kind === "meeting" && input.since === null) fields.since = ["since_required"];
  else if (input.kind === "meeting" && input.since !== null && input.since > input.deadline) fields.since = ["since_after_deadline"];
  if (input.deadline < today) fields.deadline = ["deadline_past"];
  if (Object.keys(fields).length > 0 || level === null) return { ok: false, fields };

  const postId = input.kind === "post" ? input.postId : null;
  const since = input.kind === "meeting" ? input.since : null;
  return transaction(async (): Promise<DriveResult<{ driveId: number }>> => {
    const driveId = (await insertDrive().get(unit.id, input.name, input.kind, level, postId, since, input.deadline, viewer.accountId))!.id;
    await writeAudit({
      actorAccountId: viewer.accountId,
      action: "drive.create",
      targetType: "drive",
      targetId: driveId,
      unitId: unit.id,
      after: { driveName: input.name, kind: input.kind, level, postId, ...postNames, since, deadline: input.deadline },
    });
    return { ok: true, data: { driveId } };
  });
}

/** Closes an open drive: it leaves the home panels; its page stays, marked closed. */
export async function closeDrive(viewer: Viewer, input: CloseDrive): Promise<DriveResult<{ driveId: number }>> {
  const drive = await driveRow().get(input.driveId);
  if (!drive) return deny(viewer, "drive.close", "drive", input.driveId);
  await requireUnitRole(viewer, drive.unitId, "admin", "drive.close");
  if (drive.closedAt !== null) return { ok: false, fields: { driveId: ["closed"] } };
  return transaction(async (): Promise<DriveResult<{ driveId: number }>> => {
    await closeRow().run(new Date().toISOString(), drive.id);
    await writeAudit({ actorAccountId: viewer.accountId, action: "drive.close", targetType: "drive", targetId: drive.id, unitId: drive.unitId, after: { driveName: drive.name } });
    return { ok: true, data: { driveId: drive.id } };
  });
}
