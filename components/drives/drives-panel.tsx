import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { getDrivePanel } from "@/lib/drives/progress";
import { formatDate } from "@/lib/i18n/names";
import { DriveFigure } from "./drive-figure";
import { driveNotes, driveTimeLeft } from "./drive-texts";

/** The open drives touching a unit on its home panel, each with the progress of the viewer's part. */
export async function DrivesPanel({ viewer, unitId, locale }: { viewer: Viewer; unitId: number; locale: string }) {
  const panel = await getDrivePanel(viewer, unitId);
  if (!panel || (panel.drives.length === 0 && !panel.canCreate)) return null;
  const t = await getTranslations();
  return (
    <section className="drives" aria-labelledby={`drives-${unitId}`}>
      <h3 id={`drives-${unitId}`}>{t("drives.panelTitle")}</h3>
      {panel.drives.length === 0 ? <p className="muted">{t("drives.noneOpen")}</p> : null}
      <ul className="drive-list">
        {panel.drives.map(({ drive, part, done, total }) => {
          const left = driveTimeLeft(drive, t);
          const notes = driveNotes(drive, part, unitId, locale, t);
          return (
            <li key={drive.id} className="drive-item">
              <a href={`/drives/${drive.id}?unit=${part.id}`} className="holder-name">
                {drive.name}
              </a>
              {notes.length > 0 ? <span className="muted small">{notes.join(" · ")}</span> : null}
              <DriveFigure done={done} total={total} locale={locale} t={t} />
              <span className={left.overdue ? "drive-overdue small" : "muted small"}>
                {left.text} · {t("drives.deadline", { date: formatDate(locale, drive.deadline) })}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="unit-actions">
        <a href={`/units/${unitId}/drives`} className="button button-secondary">
          {t("drives.allDrives")}
        </a>
        {panel.canCreate ? (
          <a href={`/drives/new?unit=${unitId}`} className="button button-secondary">
            {t("drives.new")}
          </a>
        ) : null}
      </p>
    </section>
  );
}
