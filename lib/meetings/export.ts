import "server-only";
import { writeAudit } from "@/lib/audit/log";
import type { Viewer } from "@/lib/auth/session";
import { safeCell } from "@/lib/export/cell-safety";
import { csvText } from "@/lib/export/formats";
import { vcard } from "@/lib/export/vcard";
import { formatMobile } from "@/lib/people/phone";
import { meetingIcs } from "./ics";
import { meetingRecord, type MeetingPerson, type MeetingView } from "./data";

/**
 * A meeting's files: the invitees as CSV (formula-safe, Excel-ready) and vCard (only numbers the
 * viewer may see), each streamed in batches and audited as an export when it ends; and the .ics.
 */

const BATCH = 500;

function batched(rows: MeetingPerson[], render: (batch: MeetingPerson[], first: boolean) => string, onDone: (count: number, completed: boolean) => Promise<void>) {
  let i = 0;
  let done = false;
  const finish = async (completed: boolean) => {
    if (done) return;
    done = true;
    await onDone(Math.min(i, rows.length), completed);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const batch = rows.slice(i, i + BATCH);
      const text = render(batch, i === 0);
      i += BATCH;
      if (text) controller.enqueue(Buffer.from(text, "utf8"));
      if (i >= rows.length) {
        controller.close();
        await finish(true);
      }
    },
    cancel() {
      return finish(false);
    },
  });
}

export type InviteeLabels = { headers: string[]; roles: Record<MeetingPerson["role"], string>; yes: string; no: string };

function audit(viewer: Viewer, m: MeetingView, format: "csv" | "vcf") {
  return (rows: number, completed: boolean) =>
    writeAudit({
      actorAccountId: viewer.accountId,
      action: completed ? "meeting.export" : "meeting.export_cancelled",
      targetType: "meeting",
      targetId: m.id,
      unitId: m.unit.id,
      after: { title: m.title, format, rows },
    });
}

export function inviteesCsv(viewer: Viewer, m: MeetingView, locale: string, labels: InviteeLabels) {
  const hi = locale === "hi";
  return batched(
    m.people,
    (batch, first) =>
      (first ? csvText([labels.headers]) : "") +
      csvText(
        batch.map((p) =>
          [
            labels.roles[p.role],
            p.nameHi,
            p.nameEn,
            hi ? p.postHi : p.postEn,
            p.mobile ? formatMobile(p.mobile) : "",
            p.whatsapp ? formatMobile(p.whatsapp) : "",
            p.attended === null ? "" : p.attended ? labels.yes : labels.no,
          ].map(safeCell),
        ),
        { bom: false },
      ),
    audit(viewer, m, "csv"),
  );
}

export function inviteesVcf(viewer: Viewer, m: MeetingView, locale: string) {
  const hi = locale === "hi";
  return batched(
    m.people.filter((p) => p.mobile),
    (batch) =>
      batch
        .map((p) => {
          const name = hi ? p.nameHi : p.nameEn;
          const post = hi ? p.postHi : p.postEn;
          const words = name.split(" ");
          return vcard({
            fullName: post ? `${name} — ${post}` : name,
            familyName: words.length > 1 ? words[words.length - 1] : name,
            givenName: words.slice(0, -1).join(" "),
            mobile: p.mobile,
            whatsapp: p.whatsapp,
            title: post || undefined,
            note: m.title,
          });
        })
        .join(""),
    audit(viewer, m, "vcf"),
  );
}

export async function meetingCalendar(m: MeetingView, url: string | null): Promise<string> {
  return meetingIcs({ ...(await meetingRecord(m, m.lang)), uid: `meeting-${m.id}@sangathan-directory`, ...(url ? { url } : {}) });
}

export function fileSlug(m: MeetingView): string {
  return `meeting-${m.id}-${m.startsAt.slice(0, 10)}`;
}
