import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MeetingList } from "@/components/meetings/meeting-list";
import { requireViewer } from "@/lib/auth/session";
import { localName } from "@/lib/i18n/names";
import { listBodies, listMeetings, PAGE_SIZE } from "@/lib/meetings/data";
import { meetingListQuerySchema } from "@/lib/validation/meetings";
import { isRowIdText } from "@/lib/validation/row-id";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(params: Params, searchParams: SearchParams) {
  const viewer = await requireViewer();
  const [raw, sp] = await Promise.all([params, searchParams]);
  const q = meetingListQuerySchema.parse(Object.fromEntries(Object.entries(sp).filter((e): e is [string, string] => typeof e[1] === "string")));
  const list = isRowIdText(raw.id) ? await listMeetings(viewer, Number(raw.id), q) : null;
  if (!list) notFound();
  return { list, q };
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const [{ list }, t, locale] = await Promise.all([load(params, searchParams), getTranslations("meetings"), getLocale()]);
  return { title: t("unitTitle", { unit: localName(locale, list.unit) }) };
}

export default async function UnitMeetingsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ list, q }, t, locale] = await Promise.all([load(params, searchParams), getTranslations("meetings"), getLocale()]);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const href = (page: number) => {
    const next = new URLSearchParams();
    if (q.body) next.set("body", String(q.body));
    if (q.from) next.set("from", q.from);
    if (q.to) next.set("to", q.to);
    if (page > 1) next.set("page", String(page));
    const s = next.toString();
    return `/units/${list.unit.id}/meetings${s ? `?${s}` : ""}`;
  };
  const filtered = Boolean(q.body || q.from || q.to);
  const bodies = await listBodies();
  return (
    <>
      <p>
        <a href={`/units/${list.unit.id}`}>← {localName(locale, list.unit)}</a>
      </p>
      <h1>{t("unitTitle", { unit: localName(locale, list.unit) })}</h1>
      <p className="muted small">{t("unitSectionHint")}</p>
      {list.canCreate ? (
        <p>
          <a href={`/units/${list.unit.id}/meetings/new`} className="button">
            {t("new")}
          </a>
        </p>
      ) : null}
      <form method="get" className="filters" aria-label={t("filters")}>
        <div className="field">
          <label htmlFor="body">{t("filterBody")}</label>
          <select id="body" name="body" defaultValue={q.body ? String(q.body) : ""}>
            <option value="">{t("anyBody")}</option>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {localName(locale, b)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">{t("from")}</label>
          <input id="from" name="from" type="date" defaultValue={q.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("to")}</label>
          <input id="to" name="to" type="date" defaultValue={q.to ?? ""} />
        </div>
        <button type="submit" className="button button-secondary">
          {t("show")}
        </button>
      </form>
      <p className="muted">{t("count", { count: list.total })}</p>
      {list.rows.length > 0 ? <MeetingList rows={list.rows} unitId={list.unit.id} /> : <p className="empty">{filtered ? t("noneFiltered") : t("none")}</p>}
      {pages > 1 ? (
        <nav className="pager" aria-label={t("pageOf", { page: list.page, pages })}>
          {list.page > 1 ? <a href={href(list.page - 1)}>← {t("previous")}</a> : null}
          <span className="muted">{t("pageOf", { page: list.page, pages })}</span>
          {list.page < pages ? <a href={href(list.page + 1)}>{t("next")} →</a> : null}
        </nav>
      ) : null}
    </>
  );
}
