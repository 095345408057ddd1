import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewer, type Viewer } from "@/lib/auth/session";
import { CoveragePanel } from "@/components/coverage/coverage-panel";
import { RecentChanges } from "@/components/coverage/recent-changes";
import { DrivesPanel } from "@/components/drives/drives-panel";
import { coverageOf } from "@/lib/coverage/coverage";
import { trendOf } from "@/lib/coverage/trend";
import { listGrantUnits } from "@/lib/data/units";
import { localName } from "@/lib/i18n/names";
import { LevelTag } from "@/components/level-tag";
import { MyMeetings } from "@/components/meetings/my-meetings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("title") };
}

/** A granted unit's coverage and its 12-month trend; nothing when the viewer does not see it in full. */
async function UnitCoverage({ viewer, unitId, locale }: { viewer: Viewer; unitId: number; locale: string }) {
  const coverage = await coverageOf(viewer, unitId);
  return coverage ? <CoveragePanel unitId={unitId} rows={coverage.rows} locale={locale} trend={await trendOf(viewer, unitId)} /> : null;
}

export default async function HomePage() {
  const viewer = await requireViewer();
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const entries = await listGrantUnits(viewer);
  return (
    <>
      <h1>{t("home.title")}</h1>
      {entries.length === 0 ? (
        <p className="empty">{t("home.noGrants")}</p>
      ) : (
        <>
          <p className="muted">{t("home.intro")}</p>
          <ul className="card-list">
            {entries.map(({ grant, body, unit, ancestors }) => (
              <li key={`${grant.unitId}-${grant.role}-${grant.bodyId ?? "all"}`} className="card">
                {ancestors.length > 0 ? (
                  <p className="card-path">{ancestors.map((a) => localName(locale, a)).join(" › ")}</p>
                ) : null}
                <h2>
                  <a href={`/units/${unit.id}`}>{localName(locale, unit)}</a>{" "}
                  <LevelTag name={localName(locale, unit)} label={t(`levels.${unit.level}`)} />
                </h2>
                <p className="muted">
                  {t("home.role", { role: t(`roles.${grant.role}`) })}
                  {body ? ` · ${t("home.bodyOnly", { body: localName(locale, body) })}` : null}
                </p>
                <p className="unit-actions">
                  <a href={`/units/${unit.id}/meetings`} className="button button-secondary">
                    {t("meetings.unitSection")}
                  </a>
                </p>
                <UnitCoverage viewer={viewer} unitId={unit.id} locale={locale} />
                <DrivesPanel viewer={viewer} unitId={unit.id} locale={locale} />
                <RecentChanges viewer={viewer} unitId={unit.id} locale={locale} />
              </li>
            ))}
          </ul>
        </>
      )}
      {/* After the units and their intro line, which belong together. */}
      <MyMeetings viewer={viewer} />
    </>
  );
}
