import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ContactLinks } from "@/components/ui/contact-links";
import { requireViewer } from "@/lib/auth/session";
import { getPersonPage, type PersonTenure } from "@/lib/data/people";
import { formatDate, localName } from "@/lib/i18n/names";
import { LevelTag } from "@/components/level-tag";
import { isRowIdText } from "@/lib/validation/row-id";

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const viewer = await requireViewer();
  const raw = (await params).id;
  const page = isRowIdText(raw) ? await getPersonPage(viewer, Number(raw)) : null;
  if (!page) notFound();
  return page;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [page, locale] = await Promise.all([load(params), getLocale()]);
  return { title: localName(locale, page.person) };
}

export default async function PersonPage({ params, searchParams }: { params: Params; searchParams: Promise<{ saved?: string }> }) {
  const [page, t, locale, query] = await Promise.all([load(params), getTranslations(), getLocale(), searchParams]);
  const { person } = page;

  const tenureList = (items: PersonTenure[], past: boolean) => (
    <ul className="tenure-list">
      {items.map((ten) => (
        <li key={ten.tenureId} className="card">
          <p className="tenure-post">
            {localName(locale, { nameHi: ten.titleHi, nameEn: ten.titleEn })} ·{" "}
            {localName(locale, { nameHi: ten.bodyHi, nameEn: ten.bodyEn })}
          </p>
          <p>
            <a href={`/units/${ten.unitId}`}>{localName(locale, { nameHi: ten.unitHi, nameEn: ten.unitEn })}</a>{" "}
            <LevelTag name={localName(locale, { nameHi: ten.unitHi, nameEn: ten.unitEn })} label={t(`levels.${ten.unitLevel}`)} />
          </p>
          <p className="muted small">
            {past && ten.endDate
              ? t("person.fromTo", { from: formatDate(locale, ten.startDate), to: formatDate(locale, ten.endDate) })
              : t("person.from", { date: formatDate(locale, ten.startDate) })}
            {past && ten.endKind ? ` · ${t(`person.ended.${ten.endKind}`)}` : null}
            {past && ten.endReason ? ` (${ten.endReason})` : null}
          </p>
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <header className="person-header">
        {query.saved === "1" ? (
          <p className="saved" role="status">
            {t("roster.saved")}
          </p>
        ) : null}
        <h1 lang="hi">{person.nameHi}</h1>
        <p className="holder-latin" lang="en">
          {person.nameEn}
        </p>
        {page.visibility === "full" ? (
          <dl className="facts">
            {person.mobile ? (
              <>
                <dt>{t("person.mobile")}</dt>
                <dd>
                  <ContactLinks
                    mobile={person.mobile}
                    whatsapp={person.whatsapp}
                    callLabel={t("unit.call")}
                    whatsappLabel={t("unit.whatsapp")}
                  />
                </dd>
              </>
            ) : null}
            {page.home ? (
              <>
                <dt>{t("person.home")}</dt>
                <dd>
                  <a href={`/units/${page.home.id}`}>{localName(locale, page.home)}</a>{" "}
                  <LevelTag name={localName(locale, page.home)} label={t(`levels.${page.home.level}`)} />
                </dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p className="notice">{t("person.limited")}</p>
        )}
      </header>
      {page.editable ? (
        <p>
          <a href={`/people/${person.id}/edit`} className="button button-secondary">
            {t("roster.editPerson")}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">{t("person.current")}</h2>
        {page.current.length ? tenureList(page.current, false) : <p className="empty">{t("person.noCurrent")}</p>}
      </section>
      {page.visibility === "full" ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">{t("person.past")}</h2>
          {page.past.length ? tenureList(page.past, true) : <p className="empty">{t("person.noPast")}</p>}
        </section>
      ) : null}
    </>
  );
}
