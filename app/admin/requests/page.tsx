import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Field, SelectField } from "@/components/ui/field";
import { roleAtLeast } from "@/lib/auth/grants";
import { requireViewer } from "@/lib/auth/session";
import { listOpenRequests } from "@/lib/access/requests";
import { acceptRequestAction, declineRequestAction } from "@/lib/actions/access";
import { localName } from "@/lib/i18n/names";
import { todayInIndia } from "@/lib/roster/dates";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const OUTCOMES = ["accepted", "declined", "decided", "conflict", "failed", "denied"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access");
  return { title: t("title") };
}

/** Open access requests the admin may decide (lib/access/requests.ts): accept fills the seat as the admin's own change. */
export default async function RequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  if (!viewer.grants.some((g) => roleAtLeast(g.role, "admin"))) notFound();
  const [t, locale, query] = await Promise.all([getTranslations("access"), getLocale(), searchParams]);
  const done = OUTCOMES.find((o) => o === query.done);
  const requests = await listOpenRequests(viewer);
  const today = todayInIndia();
  const time = new Intl.DateTimeFormat(locale === "hi" ? "hi-IN" : "en-IN", { dateStyle: "medium", timeZone: "Asia/Kolkata" });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {done ? (
        <p className={done === "accepted" || done === "declined" ? "saved" : "form-message"} role="status">
          {t(done)}
        </p>
      ) : null}
      {requests.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <ol className="card-list">
          {requests.map((r) => (
            <li key={r.id} className="card" data-request={r.id}>
              <p>
                <strong>
                  <a href={`/people/${r.personId}`}>{localName(locale, { nameHi: r.personHi, nameEn: r.personEn })}</a>
                </strong>
                {r.mobile ? <span className="muted"> · {r.mobile}</span> : null}
              </p>
              <p>
                <a href={`/units/${r.unitId}`}>{localName(locale, { nameHi: r.unitNameHi, nameEn: r.unitNameEn })}</a>
                {r.postHi ? ` · ${locale === "hi" ? `${r.bodyHi} ${r.postHi}` : `${r.bodyEn} ${r.postEn}`}` : null}
                {r.seat ? ` · ${t("seat", { seat: r.seat })}` : null}
              </p>
              <p className="small muted">
                {r.holder ? t("holder", { name: localName(locale, r.holder) }) : r.seat ? t("vacantNow") : null}
              </p>
              <p className="small muted">{t("requestedBy", { name: r.requester, date: time.format(new Date(r.createdAt)) })}</p>
              <form action={acceptRequestAction} className="form">
                <input type="hidden" name="requestId" value={r.id} />
                <input type="hidden" name="expectedTenureId" value={r.holder?.tenureId ?? ""} />
                {r.seat === null ? (
                  <SelectField id={`seat-${r.id}`} name="seat" label={t("anySeat")} defaultValue="1">
                    {Array.from({ length: r.seats ?? 1 }, (_, i) => (
                      <option key={i + 1} value={i + 1}>
                        {i + 1}
                      </option>
                    ))}
                  </SelectField>
                ) : null}
                <Field id={`start-${r.id}`} name="startDate" label={t("startDate")} type="date" defaultValue={today} required />
                <p>
                  <button type="submit" className="button">
                    {t("accept")}
                  </button>
                </p>
              </form>
              <form action={declineRequestAction}>
                <input type="hidden" name="requestId" value={r.id} />
                <button type="submit" className="button button-secondary">
                  {t("decline")}
                </button>
              </form>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
