import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { MAX_ROW_ID } from "@/lib/validation/row-id";
import { Field, SelectField } from "@/components/ui/field";
import { ContactLinks } from "@/components/ui/contact-links";
import { LEVELS } from "@/lib/tree";
import { requireViewer } from "@/lib/auth/session";
import { listBodies } from "@/lib/data/catalogue";
import { getVacancyForm, listVacancies } from "@/lib/data/vacancies";
import { localName } from "@/lib/i18n/names";
import { search } from "@/lib/search/search";
import { shareLink, vacancyMessage } from "@/lib/share/whatsapp";
import { LevelTag } from "@/components/level-tag";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("title") };
}

const paramsSchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  level: z.enum(LEVELS).optional().catch(undefined),
  body: z.coerce.number().int().positive().max(MAX_ROW_ID).optional().catch(undefined),
  under: z.coerce.number().int().positive().max(MAX_ROW_ID).optional().catch(undefined),
  post: z.coerce.number().int().positive().max(MAX_ROW_ID).optional().catch(undefined),
});

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const [raw, t, locale] = await Promise.all([searchParams, getTranslations(), getLocale()]);
  const params = paramsSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const q = params.q?.trim() ?? "";
  const results = q ? await search(viewer, q, { level: params.level, bodyId: params.body }) : null;
  const vacancyForm = params.under ? await getVacancyForm(viewer, params.under) : null;
  const vacancies = vacancyForm && params.post ? await listVacancies(viewer, params.under!, params.post) : null;
  const vacancyPost = vacancyForm?.posts.find((p) => p.id === params.post);
  const bodies = await listBodies();
  const name = (x: { nameHi: string; nameEn: string }) => localName(locale, x);
  const empty = results && !results.tooShort && results.people.length + results.units.length + results.posts.length === 0;

  return (
    <>
      <h1>{t("search.title")}</h1>
      <form action="/search" method="get" className="filters" role="search">
        <Field id="q" label={t("search.label")} name="q" type="search" defaultValue={q} placeholder={t("search.placeholder")} />
        <SelectField id="level" name="level" label={t("search.level")} defaultValue={params.level ?? ""}>
          <option value="">{t("search.any")}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`levels.${l}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="body" name="body" label={t("search.body")} defaultValue={params.body ?? ""}>
          <option value="">{t("search.any")}</option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {name(b)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </form>

      {vacancyForm ? (
        <section aria-labelledby="vacancy-heading" className="card">
          <h2 id="vacancy-heading">{t("search.vacancyTitle", { unit: name(vacancyForm.unit) })}</h2>
          <form action="/search" method="get" className="filters">
            <input type="hidden" name="under" value={vacancyForm.unit.id} />
            <SelectField id="post" name="post" label={t("search.vacancyPost")} defaultValue={params.post ?? ""}>
              {vacancyForm.posts.map((p) => (
                <option key={p.id} value={p.id}>
                  {t(`levels.${p.level}`)}: {name({ nameHi: p.bodyHi, nameEn: p.bodyEn })} {name({ nameHi: p.titleHi, nameEn: p.titleEn })}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button">
              {t("search.vacancyShow")}
            </button>
          </form>
          {vacancies ? (
            vacancies.total === 0 ? (
              <p className="empty">{t("search.vacancyNone")}</p>
            ) : (
              <>
                <p role="status">
                  {t("search.vacancyCount", { count: vacancies.total })}
                  {vacancies.units.length < vacancies.total ? ` ${t("search.vacancyFirst", { shown: vacancies.units.length })}` : null}
                </p>
                {vacancyPost ? (
                  <p>
                    <a
                      className="button button-wa"
                      rel="noopener noreferrer"
                      target="_blank"
                      href={shareLink(
                        vacancyMessage(
                          `${t("search.vacancyTitle", { unit: name(vacancyForm.unit) })}: ${name({ nameHi: `${vacancyPost.bodyHi} ${vacancyPost.titleHi}`, nameEn: `${vacancyPost.bodyEn} ${vacancyPost.titleEn}` })}`,
                          vacancies.units.slice(0, 100).map((v) => ({ name: name(v), code: v.code, vacant: v.vacant })),
                          vacancies.total > 100 ? t("search.vacancyFirst", { shown: 100 }) : null,
                        ),
                      )}
                    >
                      {t("unit.shareSend")}
                    </a>{" "}
                    <a href={`/api/export?unit=${vacancyForm.unit.id}&format=csv&vacant=1&level=${vacancyPost.level}&body=${vacancyPost.bodyId}&title=${vacancyPost.titleKey}`}>
                      {t("export.vacancies")}
                    </a>
                  </p>
                ) : null}
                <ul className="result-list vacancy-list">
                  {vacancies.units.map((v) => (
                    <li key={v.id}>
                      <a href={`/units/${v.id}`}>
                        {v.code ? `${v.code} · ` : ""}
                        {name(v)}
                      </a>{" "}
                      <span className="vacant small">{t("search.vacantSeats", { n: v.vacant })}</span>
                    </li>
                  ))}
                </ul>
              </>
            )
          ) : null}
        </section>
      ) : null}

      {results?.tooShort && q ? <p className="notice">{t("search.tooShort")}</p> : null}
      {empty ? (
        <div className="empty" role="status">
          <p>{t("search.noResults", { query: q })}</p>
          <p className="small">{t("search.noResultsHint")}</p>
        </div>
      ) : null}

      {results && results.people.length > 0 ? (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading">{t("search.people")}</h2>
          <ul className="result-list">
            {results.people.map((p) => (
              <li key={p.id} className="card">
                <a href={`/people/${p.id}`} className="holder-name" lang="hi">
                  {p.nameHi}
                </a>{" "}
                <span className="holder-latin">{p.nameEn}</span>
                {p.posts.length > 0 ? (
                  <ul className="plain-list small">
                    {p.posts.slice(0, 3).map((post, i) => (
                      <li key={i}>
                        {name({ nameHi: post.titleHi, nameEn: post.titleEn })} · {name({ nameHi: post.bodyHi, nameEn: post.bodyEn })},{" "}
                        <a href={`/units/${post.unitId}`}>{name({ nameHi: post.unitHi, nameEn: post.unitEn })}</a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted small">{t("search.noPost")}</p>
                )}
                <ContactLinks mobile={p.mobile} whatsapp={null} callLabel={t("unit.call")} whatsappLabel={t("unit.whatsapp")} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {results && results.units.length > 0 ? (
        <section aria-labelledby="units-heading">
          <h2 id="units-heading">{t("search.units")}</h2>
          <ul className="result-list">
            {results.units.map((u) => (
              <li key={u.id} className="card">
                <a href={`/units/${u.id}`}>
                  {u.code ? `${u.code} · ` : ""}
                  {name(u)}
                </a>{" "}
                <LevelTag name={name(u)} label={t(`levels.${u.level}`)} />
                <p className="card-path">{(locale === "hi" ? u.trail : u.trailEn).join(" › ")}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {results && results.posts.length > 0 ? (
        <section aria-labelledby="posts-heading">
          <h2 id="posts-heading">{t("search.posts")}</h2>
          <ul className="result-list">
            {results.posts.map((p) => (
              <li key={p.id} className="card">
                {t("search.holdersOf", {
                  post: `${name({ nameHi: p.bodyHi, nameEn: p.bodyEn })} ${name({ nameHi: p.titleHi, nameEn: p.titleEn })}`,
                  level: t(`levels.${p.level}`),
                })}{" "}
                {viewer.grants[0] ? (
                  <a href={`/search?under=${viewer.grants[0].unitId}&post=${p.id}`}>{t("search.findVacancies")}</a>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
