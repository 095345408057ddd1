import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DriveFigure } from "@/components/drives/drive-figure";
import { driveNotes, driveTimeLeft } from "@/components/drives/drive-texts";
import { requireViewer } from "@/lib/auth/session";
import { listUnitDrives } from "@/lib/drives/progress";
import { formatDate, localName } from "@/lib/i18n/names";
import { isRowIdText } from "@/lib/validation/row-id";

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const viewer = await requireViewer();
  const { id } = await params;
  const list = isRowIdText(id) ? await listUnitDrives(viewer, Number(id)) : null;
  if (!list) notFound();
  return list;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ unit }, t, locale] = await Promise.all([load(params), getTranslations("drives"), getLocale()]);
  return { title: t("unitDrives", { unit: localName(locale, unit) }) };
}

/**
 * Every drive touching a unit the viewer sees in full, open and closed, each with the viewer's part
 * of it: the way back to a closed drive, which has left the home panel.
 */
export default async function UnitDrivesPage({ params }: { params: Params }) {
  const [{ unit, drives }, t, locale] = await Promise.all([load(params), getTranslations(), getLocale()]);
  const name = localName(locale, unit);
  return (
    <>
      <p>
        <a href={`/units/${unit.id}`} className="back-link">← {name}</a>
      </p>
      <h1>{t("drives.unitDrives", { unit: name })}</h1>
      <p className="muted">{t("drives.unitDrivesIntro", { unit: name })}</p>
      {drives.length === 0 ? <p className="empty">{t("drives.noDrives", { unit: name })}</p> : null}
      <ul className="drive-list unit-drives">
        {drives.map(({ drive, part, done, total }) => {
          const left = driveTimeLeft(drive, t);
          const notes = driveNotes(drive, part, unit.id, locale, t);
          return (
            <li key={drive.id} className={drive.closedAt ? "drive-item drive-closed" : "drive-item"}>
              <a href={`/drives/${drive.id}?unit=${part.id}`} className="holder-name">
                {drive.name}
              </a>
              {drive.closedAt ? (
                <span className="drive-closed-tag small">
                  <strong>{t("drives.closedTag")}</strong> · {formatDate(locale, drive.closedAt.slice(0, 10))}
                </span>
              ) : null}
              {notes.length > 0 ? <span className="muted small">{notes.join(" · ")}</span> : null}
              <DriveFigure done={done} total={total} locale={locale} t={t} />
              <span className={left.overdue ? "drive-overdue small" : "muted small"}>
                {left.text ? `${left.text} · ` : ""}
                {t("drives.deadline", { date: formatDate(locale, drive.deadline) })}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
