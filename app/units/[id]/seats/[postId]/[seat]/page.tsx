import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/session";
import { getSeatForEdit } from "@/lib/data/seats";
import { formatDate, localName, nameWithLevel } from "@/lib/i18n/names";
import { todayInIndia } from "@/lib/roster/dates";
import { setReachableAction } from "@/lib/actions/reachable";
import { driveReturnPath } from "@/lib/drives/return-path";
import { AssignForm } from "./_components/assign-form";
import { VacateForm } from "./_components/vacate-form";
import { isRowIdText } from "@/lib/validation/row-id";

type Params = Promise<{ id: string; postId: string; seat: string }>;

const int = (s: string) => (isRowIdText(s) ? Number(s) : null);

async function load(params: Params) {
  const viewer = await requireViewer();
  const p = await params;
  const [unitId, postId, seat] = [int(p.id), int(p.postId), int(p.seat)];
  const data = unitId && postId && seat ? await getSeatForEdit(viewer, unitId, postId, seat) : null;
  if (!data) notFound();
  return data;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [data, locale] = await Promise.all([load(params), getLocale()]);
  return { title: `${localName(locale, { nameHi: data.post.titleHi, nameEn: data.post.titleEn })} · ${localName(locale, data.unit)}` };
}

export default async function SeatPage({ params, searchParams }: { params: Params; searchParams: Promise<{ mode?: string | string[]; reachable?: string; saved?: string; back?: string | string[] }> }) {
  const [data, t, locale, messages, sp] = await Promise.all([load(params), getTranslations(), getLocale(), getMessages(), searchParams]);
  const postName = `${localName(locale, { nameHi: data.post.bodyHi, nameEn: data.post.bodyEn })} ${localName(locale, { nameHi: data.post.titleHi, nameEn: data.post.titleEn })}`;
  const today = todayInIndia();
  const seatPath = `/units/${data.unit.id}/seats/${data.post.id}/${data.seat}`;
  // Opened from a drive's page: saving goes back there (the action checks the path again).
  const back = driveReturnPath(sp.back);
  return (
    <>
      <p>
        {back ? <a href={back}>← {t("drives.backToDrive")}</a> : <a href={`/units/${data.unit.id}`}>← {t("roster.back")}</a>}
      </p>
      <h1>{t("roster.editSeat", { post: postName, unit: localName(locale, data.unit) })}</h1>
      {data.post.seats > 1 ? <p className="muted">{t("roster.seatLabel", { seat: data.seat })}</p> : null}
      <section className="card" aria-labelledby="holder-heading">
        <h2 id="holder-heading">{t("roster.currentHolder")}</h2>
        {data.holder ? (
          <p>
            <a href={`/people/${data.holder.personId}`} lang="hi" className="holder-name">
              {data.holder.nameHi}
            </a>{" "}
            <span className="holder-latin">{data.holder.nameEn}</span>
            <br />
            <span className="muted small">
              {t("unit.since")}: {formatDate(locale, data.holder.startDate)}
            </span>
          </p>
        ) : (
          <p className="vacant">{t("roster.vacantNow")}</p>
        )}
        {data.holder ? (
          // Correcting the holder's own number or name is not replacing him: his person page, then back here.
          <p className="seat-choices">
            <a href={`/people/${data.holder.personId}/edit?back=${encodeURIComponent(seatPath)}`} className="button button-secondary">
              {t("roster.correctHolder")}
            </a>{" "}
            <a href="#assign-heading" className="button button-secondary">
              {t("roster.replaceTitle")}
            </a>
          </p>
        ) : null}
        {sp.saved ? (
          <p className="saved" role="status">
            {t("roster.saved")}
          </p>
        ) : null}
        {data.holder && data.canAdmin ? (
          // A plain form post: the admin lets everyone below this unit see the holder's number.
          <form action={setReachableAction} className="reachable">
            <input type="hidden" name="tenureId" value={data.holder.tenureId} />
            <input type="hidden" name="reachable" value={data.holder.reachableBelow ? "0" : "1"} />
            <input type="hidden" name="back" value={seatPath} />
            <p className="small">{data.holder.reachableBelow ? t("roster.reachableOn") : t("roster.reachableOff")}</p>
            <button type="submit" className="button button-secondary">
              {data.holder.reachableBelow ? t("roster.reachableHide") : t("roster.reachableShow")}
            </button>
            {sp.reachable ? (
              <p className="saved" role="status">
                {t("roster.saved")}
              </p>
            ) : null}
          </form>
        ) : null}
      </section>
      {data.history.length > 0 ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t("roster.earlierHolders")}</h2>
          <ul className="plain-list">
            {data.history.map((h) => (
              <li key={h.tenureId}>
                <a href={`/people/${h.personId}`} lang="hi">
                  {h.nameHi}
                </a>{" "}
                <span className="muted small">
                  {formatDate(locale, h.startDate)} – {formatDate(locale, h.endDate)}
                  {h.endKind ? ` · ${t(`person.ended.${h.endKind as "replaced"}`)}` : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <NextIntlClientProvider messages={{ roster: messages.roster }}>
        <section aria-labelledby="assign-heading">
          <h2 id="assign-heading">{data.holder ? t("roster.replaceTitle") : t("roster.assignTitle")}</h2>
          {data.holder ? <p className="muted small">{t("roster.replaceNote")}</p> : null}
          <AssignForm
            unitId={data.unit.id}
            postId={data.post.id}
            seat={data.seat}
            expectedTenureId={data.holder?.tenureId ?? null}
            holderName={data.holder?.nameHi ?? null}
            seatPath={seatPath}
            today={today}
            minDate={data.holder?.startDate}
            initialMode={sp.mode === "new" ? "new" : "pick"}
            back={back}
            homeChoices={data.homeChoices.map((u) => ({ id: u.id, label: nameWithLevel(localName(locale, u), t(`levels.${u.level}`)) }))}
          />
        </section>
        {/* Also without a holder: a vacate that lost a race says so on the refreshed page (see VacateForm). */}
        <VacateForm
          holder={data.holder ? { tenureId: data.holder.tenureId, name: data.holder.nameHi, startDate: data.holder.startDate } : null}
          today={today}
          seatPath={seatPath}
        />
      </NextIntlClientProvider>
    </>
  );
}
