"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { applyImportAction, previewImportAction, type ImportState } from "@/lib/actions/import";

export function ImportForm({ unitId }: { unitId: number }) {
  const t = useTranslations("import");
  const [preview, previewAction, previewing] = useActionState<ImportState, FormData>(previewImportAction, undefined);
  const ready = preview?.ok && preview.stage === "preview" ? preview : null;

  return (
    <>
      <form action={previewAction} className="form" encType="multipart/form-data">
        <input type="hidden" name="unitId" value={unitId} />
        <div className="field">
          <label htmlFor="import-file">{t("file")}</label>
          <input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </div>
        <button type="submit" className="button" disabled={previewing}>
          {previewing ? t("previewing") : t("preview")}
        </button>
        <p className={preview && !preview.ok ? "form-message" : "form-message ok"} role="status" aria-live="polite">
          {previewing ? t("previewing") : (preview?.message ?? "")}
        </p>
      </form>

      {ready ? <Preview key={ready.importId} ready={ready} /> : null}
    </>
  );
}

type Ready = Extract<NonNullable<ImportState>, { stage: "preview" }>;

/** Keyed by the upload, so a new preview starts with a fresh apply button. */
function Preview({ ready }: { ready: Ready }) {
  const t = useTranslations("import");
  const [applied, applyAction, applying] = useActionState<ImportState, FormData>(applyImportAction, undefined);
  return (
        <section aria-labelledby="preview-heading" className="import-preview">
          <h2 id="preview-heading">{ready.message}</h2>
          {ready.summary.errors > 0 ? (
            <p>
              <a href={`/api/import/${ready.importId}/errors`}>{t("errorRows")}</a>
            </p>
          ) : null}
          <div className="table-scroll">
            <table className="data-table import-table">
              <thead>
                <tr>
                  <th scope="col">{t("line")}</th>
                  <th scope="col">{t("fate")}</th>
                  <th scope="col">{t("unit")}</th>
                  <th scope="col" className="wide">{t("post")}</th>
                  <th scope="col" className="wide">{t("person")}</th>
                </tr>
              </thead>
              <tbody>
                {ready.rows.map((r) => (
                  <tr key={r.line} className={`fate-${r.kind}`}>
                    <td>{r.line}</td>
                    <td>{r.detail}</td>
                    <td>{r.unit}</td>
                    <td className="wide">{r.post}</td>
                    <td className="wide">{r.person}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ready.rows.length < ready.summary.total ? <p className="muted small">{t("shownFirst", { shown: ready.rows.length, total: ready.summary.total })}</p> : null}
          <form action={applyAction} className="form">
            <input type="hidden" name="importId" value={ready.importId} />
            <button type="submit" className="button" disabled={applying || (applied?.ok ?? false)}>
              {applying ? t("applying") : t("apply")}
            </button>
            <p className={applied && !applied.ok ? "form-message" : "form-message ok"} role="status" aria-live="polite">
              {applying ? t("applying") : (applied?.message ?? "")}
            </p>
          </form>
        </section>
  );
}
