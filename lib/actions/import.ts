"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { MAX_ROW_ID } from "@/lib/validation/row-id";
import { OutOfScopeLimit } from "@/lib/access/oracle";
import { databaseTroubleMessage } from "@/lib/actions/pipeline";
import { Denied } from "@/lib/auth/guard";
import { requireViewer } from "@/lib/auth/session";
import { applyImport, requireImportUnit, saveImport } from "@/lib/import/apply";
import { parseSheet } from "@/lib/import/parse";
import { planImport, summarise, type PlannedRow } from "@/lib/import/plan";

export type PreviewRow = {
  line: number;
  kind: PlannedRow["fate"]["kind"] | "decide";
  detail: string;
  unit: string;
  post: string;
  person: string;
  mobile: string;
};

export type ImportState =
  | undefined
  | { ok: false; message: string; importId?: number }
  | {
      ok: true;
      stage: "preview";
      importId: number;
      summary: ReturnType<typeof summarise>;
      /** The rows that change something, have an error or need a decision, in sheet order. */
      changes: PreviewRow[];
      /** Unchanged rows and vacant seats, folded away (the first ones, of restCount). */
      rest: PreviewRow[];
      restCount: number;
      heading: string;
      message: string;
    }
  | { ok: true; stage: "applied"; importId: number; message: string };

const PREVIEW_ROWS = 300;
const idSchema = z.coerce.number().int().positive().max(MAX_ROW_ID);

export async function previewImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const viewer = await requireViewer();
  const t = await getTranslations("import");
  const ta = await getTranslations("access");
  const locale = await getLocale();
  const unitId = idSchema.safeParse(formData.get("unitId"));
  const file = formData.get("file");
  if (!unitId.success) return { ok: false, message: t("notFound") };
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: t("fileErrors.no_file") };
  try {
    const unit = await requireImportUnit(viewer, unitId.data);
    const parsed = await parseSheet(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!parsed.ok) {
      if (parsed.error === "unpacked_too_big") return { ok: false, message: (await getTranslations("audit"))("upload.unpackedTooBig") };
      return { ok: false, message: t(`fileErrors.${parsed.error}`, { columns: (parsed.missing ?? []).join(", ") }) };
    }
    const plan = await planImport(viewer, unit, parsed.records, "preview");
    const importId = await saveImport(viewer, unit, file.name, parsed.records, plan);
    const summary = summarise(plan);
    const describe = (r: PlannedRow): PreviewRow => {
      const f = r.fate;
      const who = (newPerson: boolean) => t(newPerson ? "fates.new_person" : "fates.existing_person");
      const detail =
        f.kind === "error"
          ? `${t(f.errors.includes("needs_decision") ? "fates.decide" : "fates.error")}: ${f.errors.map((e) => (e === "number_unusable" ? ta("numberUnusable") : t(`errors.${e}`))).join("; ")}${r.suggestion ? ` ${t("suggestion", { name: locale === "hi" ? r.suggestion.nameHi : r.suggestion.nameEn })}` : ""}`
          : f.kind === "replaces"
            ? `${t("fates.replaces", { name: f.holder.nameHi })} · ${who(f.newPerson)}`
            : f.kind === "corrects"
              ? t(f.mobile && f.name ? "fates.corrects_both" : f.mobile ? "fates.corrects_mobile" : "fates.corrects_name", { name: f.holder.nameHi })
              : f.kind === "new_tenure"
                ? `${t("fates.new_tenure")} · ${who(f.newPerson)}`
                : f.kind === "blank"
                  ? t("fates.blank")
                  : t(f.leftAsIs ? "fates.left_as_is" : "fates.unchanged");
      return {
        line: r.line,
        kind: f.kind === "error" && f.errors.includes("needs_decision") ? "decide" : f.kind,
        detail,
        unit: r.unit ? r.unit.nameHi : (Object.values(r.record.levels).at(-1) ?? ""),
        post: r.post ? `${r.post.bodyHi} ${r.post.titleHi}${r.seat ? ` (${r.seat})` : ""}` : `${r.record.body} ${r.record.post}`.trim(),
        person: r.record.nameHi.trim(),
        mobile: r.record.mobile.trim(),
      };
    };
    // Changes, errors and decisions first, whole (up to the cap); the rows that change nothing
    // are only counted and folded away, so "apply" stays near the top on a phone.
    const quiet = (r: PlannedRow) => r.fate.kind === "unchanged" || r.fate.kind === "blank";
    const changes = plan.filter((r) => !quiet(r)).slice(0, PREVIEW_ROWS).map(describe);
    const rest = plan.filter(quiet);
    const restRows = rest.slice(0, Math.max(0, PREVIEW_ROWS - changes.length)).map(describe);
    return { ok: true, stage: "preview", importId, summary, changes, rest: restRows, restCount: rest.length, heading: t("summary", summary), message: t("previewReady") };
  } catch (error) {
    if (error instanceof Denied) return { ok: false, message: t("denied") };
    if (error instanceof OutOfScopeLimit) return { ok: false, message: ta("limitReached") };
    const trouble = await databaseTroubleMessage(error);
    if (trouble) return { ok: false, message: trouble.message };
    throw error;
  }
}

export async function applyImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const viewer = await requireViewer();
  const t = await getTranslations("import");
  const importId = idSchema.safeParse(formData.get("importId"));
  if (!importId.success) return { ok: false, message: t("notFound") };
  const id = importId.data;
  let result;
  try {
    result = await applyImport(viewer, importId.data);
  } catch (error) {
    if (error instanceof Denied) return { ok: false, message: t("denied") };
    // Another import holding the writer lock, or the database gone: nothing was applied; it can be applied again.
    const trouble = await databaseTroubleMessage(error);
    if (trouble) return { ok: false, importId: id, message: trouble.message };
    throw error;
  }
  if (!result.ok) {
    if (result.code === "seat_changed" || result.code === "person_changed") return { ok: false, importId: id, message: t(result.code, { line: result.line }) };
    return { ok: false, importId: id, message: t(result.code === "already_applied" ? "alreadyApplied" : "notFound") };
  }
  revalidatePath("/units/[id]", "page");
  const message = result.written === 0 ? t("nothingToApply") : t("applied", { written: result.written, errors: result.summary.errors });
  return { ok: true, stage: "applied", importId: id, message };
}
