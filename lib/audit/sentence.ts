import type { AuditRow } from "@/lib/data/audit";
import { formatDate, localName } from "@/lib/i18n/names";
import { formatMobile } from "@/lib/people/phone";
import { actionKey, isRefusal } from "./actions";

/** What the sentence of an entry is built from: its redacted details and the names of what they refer to. */
export type SentenceEntry = {
  action: string;
  outcome: "ok" | "denied" | "failed";
  actor: { nameHi: string; nameEn: string } | "outside" | null;
  target: string | null;
  unit: string | null;
  before: unknown;
  after: unknown;
  names: { post: string | null; body: string | null; unit: string | null };
};

type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "");
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export const FORMATS: Record<string, string> = { csv: "CSV", xlsx: "Excel", vcf: "vCard" };

/**
 * One plain sentence for an audit entry in the reader's language ("सुरेश कुमार शर्मा ने आईटी सेल की
 * संपर्क सूची (41 नाम, Excel) डाउनलोड की"). Built from the entry as lib/data/audit.ts redacted it:
 * a person or unit the reader may not see arrives as "someone outside your scope".
 */
export function auditSentence(e: SentenceEntry, locale: string, t: Translate, outside: string): string {
  const s = sentenceOf(e, locale, t, outside);
  return s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
}

function sentenceOf(e: SentenceEntry, locale: string, t: Translate, outside: string): string {
  const name = (n: { nameHi: string; nameEn: string }) => (locale === "hi" ? n.nameHi : n.nameEn);
  const someone = t("audit.someone");
  const actor = e.actor === "outside" ? outside : e.actor ? name(e.actor) : someone;
  const before = obj(e.before);
  const after = obj(e.after);
  const filters = obj(after.filters);
  const grant = obj(after.grant);
  const role = str(after.role ?? before.role ?? grant.role);
  const values: Record<string, string | number> = {
    actor,
    target: e.target ?? someone,
    unit: e.unit ?? e.names.unit ?? someone,
    post: e.names.post ?? t("audit.aPost"),
    oldName: str(locale === "hi" ? before.nameHi : before.nameEn) || str(before.nameHi),
    count: num(after.rows ?? after.count ?? after.written),
    // An export's people, not its rows: an all-seats sheet lists the vacant seats too (older entries recorded rows only).
    named: num(after.named ?? after.rows),
    format: FORMATS[str(after.format)] ?? str(after.format),
    body: e.names.body ?? "",
    withBody: e.names.body ? "yes" : "no",
    vacant: filters.vacantOnly === true ? "yes" : "no",
    via: str(after.via) || "form",
    reason: str(after.reason) || "other",
    reachable: after.reachableBelow === true ? "yes" : "no",
    stored: after.stored === true ? "yes" : "no",
    file: str(after.file),
    role: role && t.has(`roles.${role}`) ? t(`roles.${role}`) : role,
    roleKey: role || "viewer",
    limit: num(after.limit),
    drive: str(after.driveName ?? before.driveName),
    deadline: str(after.deadline) ? formatDate(locale, str(after.deadline)) : "",
    title: str(after.title ?? before.title),
    // A meeting's list size (older rows wrote it as "count").
    invited: num(after.invited ?? after.count),
    present: num(after.present),
    absent: num(after.absent),
    link: linkChange(before, after),
  };
  const key = actionKey(e.action);
  const sentences = "audit.sentences";
  if (e.outcome !== "ok" && t.has(`${sentences}.${key}_${e.outcome}`)) return t(`${sentences}.${key}_${e.outcome}`, values);
  if (e.outcome !== "ok" && !isRefusal(e.action)) {
    const what = t.has(`admin.audit.actions.${key}`) ? t(`admin.audit.actions.${key}`) : t("audit.somethingElse");
    return t(`audit.${e.outcome}`, { ...values, what });
  }
  if (t.has(`${sentences}.${key}`)) return t(`${sentences}.${key}`, values);
  return t("audit.unknown", values);
}

/**
 * A WhatsApp link set where there was none is "added", cleared is "removed", else "changed" (also
 * when redaction hid both sides: the same marker on each, so nothing is told).
 */
function linkChange(before: Record<string, unknown>, after: Record<string, unknown>): "added" | "removed" | "changed" {
  if (!("whatsappUrl" in before) || !("whatsappUrl" in after)) return "changed";
  const had = str(before.whatsappUrl).trim() !== "";
  const has = str(after.whatsappUrl).trim() !== "";
  return !had && has ? "added" : had && !has ? "removed" : "changed";
}

/**
 * The sentence of an entry as lib/data/audit.ts returns it (already redacted): the audit page's
 * and the home's recent changes alike.
 */
export function rowSentence(entry: AuditRow, locale: string, t: Translate): string {
  const outside = t("audit.outsideInSentence");
  const tg = entry.target;
  const target = tg.kind === "person" || tg.kind === "unit" ? localName(locale, tg) : tg.kind === "account" ? tg.name : tg.kind === "outside" ? outside : null;
  return auditSentence(
    {
      action: entry.action,
      outcome: entry.outcome,
      actor: entry.actor,
      target,
      unit: entry.unit ? localName(locale, entry.unit) : null,
      before: entry.before,
      after: entry.after,
      names: {
        post: entry.names.post && localName(locale, entry.names.post),
        body: entry.names.body && localName(locale, entry.names.body),
        unit: entry.names.unit && localName(locale, entry.names.unit),
      },
    },
    locale,
    t,
    outside,
  );
}

/** A detail's value as people write it: mobiles "90000 77704", yes/no, known codes in words. */
/** A drive's kind, as the new-drive form names it ("बैठक हुई हो"), not its stored value. */
const DRIVE_KINDS: Record<string, string> = { post: "drives.form.kindPost", whatsapp: "drives.form.kindWhatsapp", meeting: "drives.form.kindMeeting" };

export function readableValue(value: string, field: string, locale: string, t: Translate, formatDate: (iso: string) => string): string {
  if (/^\+91\d{10}$/.test(value)) return formatMobile(value);
  if (value === "true") return t("admin.audit.yes");
  if (value === "false") return t("admin.audit.no");
  if (/(^|\.)role$/.test(field) && t.has(`roles.${value}`)) return t(`roles.${value}`);
  if (/(^|\.)level$/.test(field) && t.has(`levels.${value}`)) return t(`levels.${value}`);
  if (/(^|\.)format$/.test(field) && FORMATS[value]) return FORMATS[value];
  if (field === "kind" && DRIVE_KINDS[value] && t.has(DRIVE_KINDS[value])) return t(DRIVE_KINDS[value]);
  if (/(^|\.)(reason|via)$/.test(field) && t.has(`audit.values.${value}`)) return t(`audit.values.${value}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  void locale;
  return value.length > 120 ? `${value.slice(0, 119)}…` : value;
}
