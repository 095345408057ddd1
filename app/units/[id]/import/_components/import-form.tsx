"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { applyImportAction, previewImportAction, type ImportState, type PreviewRow } from "@/lib/actions/import";

export function ImportForm({ unitId }: { unitId: number }) {
  const t = useTranslations("import");
  const [preview, previewAction, previewing] = useActionState<ImportState, FormData>(previewImportAction, undefined);
  // The apply state lives here, not in the preview: after a plain form post (no JavaScript yet)
  // the page comes back with the apply's answer and without the preview, and must still say it.
  const [applied, applyAction, applying] = useActionState<ImportState, FormData>(applyImportAction, undefined);
  const ready = preview?.ok && preview.stage === "preview" ? preview : null;
  const appliedId = applied?.importId;

  return (
    <>
      <form action={previewAction} className="form" encType="multipart/form-data">
        <input type="hidden" name="unitId" value={unitId} />
        <Field id="import-file" name="file" label={t("file")} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        <button type="submit" className="button" disabled={previewing}>
          {previewing ? t("previewing") : t("preview")}
        </button>
        <p className={preview && !preview.ok ? "form-message" : "form-message ok"} role="status" aria-live="polite">
          {previewing ? t("previewing") : (preview?.message ?? "")}
        </p>
      </form>

      {ready ? (
        <Preview key={ready.importId} ready={ready} apply={{ action: applyAction, pending: applying, state: appliedId === ready.importId ? applied : undefined }} />
      ) : applied ? (
        <p className={applied.ok ? "form-message ok" : "form-message"} role="status" aria-live="polite">
          {applied.message}
        </p>
      ) : null}
    </>
  );
}

type Ready = Extract<NonNullable<ImportState>, { stage: "preview" }>;

/**
 * Keyed by the upload; the apply's answer is shown only for this upload, so a new preview starts
 * with a fresh apply button. The summary once, the
 * apply button right under it, then the rows that change something (cards: person and post stay
 * visible on a phone); rows that change nothing are folded into a native <details>.
 */
function Preview({ ready, apply }: { ready: Ready; apply: { action: (data: FormData) => void; pending: boolean; state: ImportState } }) {
  const t = useTranslations("import");
  const { action: applyAction, pending: applying, state: applied } = apply;
  const shown = ready.changes.length + ready.rest.length;
  return (
    <section aria-labelledby="preview-heading" className="import-preview">
      <h2 id="preview-heading">{ready.heading}</h2>
      <form action={applyAction} className="form">
        <input type="hidden" name="importId" value={ready.importId} />
        <p className="muted small">{t("applyHint")}</p>
        <button type="submit" className="button" disabled={applying || (applied?.ok ?? false)}>
          {applying ? t("applying") : t("apply")}
        </button>
        <p className={applied && !applied.ok ? "form-message" : "form-message ok"} role="status" aria-live="polite">
          {applying ? t("applying") : (applied?.message ?? "")}
        </p>
      </form>
      {ready.summary.errors > 0 ? (
        <p>
          <a href={`/api/import/${ready.importId}/errors`}>{t("errorRows")}</a>
        </p>
      ) : null}

      <h3>{t("changesHeading")}</h3>
      {ready.changes.length > 0 ? <RowCards rows={ready.changes} /> : <p className="muted">{t("noChanges")}</p>}

      {ready.restCount > 0 ? (
        <details className="import-rest">
          <summary>{t("restFold", { count: ready.restCount })}</summary>
          <RowCards rows={ready.rest} />
        </details>
      ) : null}
      {shown < ready.summary.total ? <p className="muted small">{t("shownFirst", { shown, total: ready.summary.total })}</p> : null}
    </section>
  );
}

function RowCards({ rows }: { rows: PreviewRow[] }) {
  const t = useTranslations("import");
  return (
    <ol className="import-rows">
      {rows.map((r) => (
        <li key={r.line} className={`import-row fate-${r.kind}`}>
          <p className="fate">{r.detail}</p>
          <p>
            <strong>{r.person || "—"}</strong>
            {r.mobile ? <span className="muted"> · {r.mobile}</span> : null}
          </p>
          <p>
            {r.post} · {r.unit}
          </p>
          <p className="muted small">
            {t("line")} {r.line}
          </p>
        </li>
      ))}
    </ol>
  );
}
