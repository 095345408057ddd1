import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { CoverageBar, formatCount } from "@/components/coverage/bar";
import { DriveFigure } from "@/components/drives/drive-figure";
import { driveTimeLeft, driveWhat } from "@/components/drives/drive-texts";
import { requireViewer } from "@/lib/auth/session";
import { getDriveView } from "@/lib/drives/progress";
import { formatDate, localName, nameWithLevel } from "@/lib/i18n/names";
import { CloseDriveForm } from "./_components/close-drive-form";
import { MAX_ROW_ID } from "@/lib/validation/row-id";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const idSchema = z.coerce.number().int().positive().max(MAX_ROW_ID);
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function load(params: Params, searchParams: SearchParams) {
  const viewer = await requireViewer();
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = idSchema.safeParse(rawId);
  const rawUnit = first(query.unit);
  const unit = rawUnit === undefined ? undefined : idSchema.safeParse(rawUnit);
  const view = id.success && (!unit || unit.success) ? await getDriveView(viewer, id.data, unit?.data) : null;
  if (!view) notFound();
  return { view, query };
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const { view } = await load(params, searchParams);
  return { title: view.drive.name };
}

/**
 * A drive as one viewer's part of it: done / total, days left, the part's children worst first
 * (each a link down, keeping the drive; at the drive's level a missing unit links to its seat or
 * its WhatsApp form), and the list of what is still missing as CSV. Plain links and forms.
 */
export default async function DrivePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ view, query }, t, locale, messages] = await Promise.all([load(params, searchParams), getTranslations(), getLocale(), getMessages()]);
  const { drive, part } = view;
  const left = driveTimeLeft(drive, t);
  const what = driveWhat(drive, locale, t);
  const missing = view.total - view.done;
  const childLevel = view.children[0]?.level;
  return (
    <>
      <p>
        <a href={`/units/${part.id}`} className="back-link">← {localName(locale, part)}</a>
      </p>
      <h1 className="drive-title">{drive.name}</h1>
      <p className="muted">
        {what === drive.name ? "" : `${what} · `}
        {localName(locale, drive.unit)}
      </p>
      {first(query.saved) === "1" ? (
        <p className="notice" role="status">
          {t("drives.saved")}
        </p>
      ) : null}
      {first(query.filled) === "1" ? (
        <p className="notice" role="status">
          {t("drives.filled")}
        </p>
      ) : null}
      {drive.closedAt ? <p className="notice">{t("drives.closed", { date: formatDate(locale, drive.closedAt.slice(0, 10)) })}</p> : null}

      {view.trail.length > 0 ? (
        <nav aria-label={t("drives.trail")} className="drive-trail">
          {view.trail.map((u) => (
            <a key={u.id} href={`/drives/${drive.id}?unit=${u.id}`}>
              {nameWithLevel(localName(locale, u), t(`levels.${u.level}`))}
            </a>
          ))}
        </nav>
      ) : null}

      <section className="drive-summary card" aria-labelledby="drive-part-heading">
        <h2 id="drive-part-heading">{t("drives.progressIn", { unit: localName(locale, part) })}</h2>
        <DriveFigure done={view.done} total={view.total} locale={locale} t={t} />
        <p className={left.overdue ? "drive-overdue" : undefined}>
          {left.text ? (
            <>
              <strong>{left.text}</strong> ·{" "}
            </>
          ) : null}
          {t("drives.deadline", { date: formatDate(locale, drive.deadline) })}
        </p>
        <p>
          {t("drives.missing", { count: formatCount(locale, missing) })}
          {missing > 0 ? (
            <>
              {" "}
              <a href={`/api/drives/${drive.id}/missing?unit=${part.id}`} className="button button-secondary" download>
                {t("drives.csv")}
              </a>
            </>
          ) : null}
        </p>
      </section>

      {view.children.length > 0 && childLevel ? (
        <section aria-labelledby="drive-ranked-heading">
          <h2 id="drive-ranked-heading">{t("drives.ranked", { level: t(`levels.${childLevel}`) })}</h2>
          <ol className="ranked-list drive-ranked">
            {view.children.map((c) => {
              const atLevel = c.level === drive.level;
              const name = `${c.code ? `${c.code} · ` : ""}${localName(locale, c)}`;
              return (
                <li key={c.id}>
                  <a href={atLevel ? `/units/${c.id}` : `/drives/${drive.id}?unit=${c.id}`} className="holder-name">
                    {name}
                  </a>
                  {atLevel ? (
                    <>
                      <span className="coverage-figure">{c.done > 0 ? t("drives.unitDone") : t("drives.unitMissing")}</span>
                      <CoverageBar filled={c.done} total={c.total} />
                    </>
                  ) : (
                    <DriveFigure done={c.done} total={c.total} locale={locale} t={t} />
                  )}
                  {c.action === "fill" && drive.postId ? (
                    <a href={`/units/${c.id}/seats/${drive.postId}/1?back=${encodeURIComponent(`/drives/${drive.id}?unit=${part.id}`)}`} className="seat-action fill" aria-label={`${t("drives.fill")}: ${localName(locale, c)}`}>
                      {t("drives.fill")}
                    </a>
                  ) : c.action === "whatsapp" ? (
                    <a href={`/units/${c.id}/manage#whatsapp`} className="seat-action fill" aria-label={`${t("drives.setWhatsapp")}: ${localName(locale, c)}`}>
                      {t("drives.setWhatsapp")}
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}

      {view.otherParts.length > 0 ? (
        <section aria-labelledby="drive-parts-heading">
          <h2 id="drive-parts-heading">{t("drives.otherParts")}</h2>
          <ul className="drive-parts">
            {view.otherParts.map((u) => (
              <li key={u.id}>
                <a href={`/drives/${drive.id}?unit=${u.id}`}>{localName(locale, u)}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.canClose ? (
        <NextIntlClientProvider messages={{ drives: messages.drives }}>
          <CloseDriveForm driveId={drive.id} />
        </NextIntlClientProvider>
      ) : null}
    </>
  );
}
