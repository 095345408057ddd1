import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { MAX_ROW_ID } from "@/lib/validation/row-id";
import { CoverageBar, formatCount, percent } from "@/components/coverage/bar";
import { CoveragePanel } from "@/components/coverage/coverage-panel";
import { requireViewer } from "@/lib/auth/session";
import { coverageOf, rankChildren } from "@/lib/coverage/coverage";
import { getVacancyForm } from "@/lib/data/vacancies";
import { localName } from "@/lib/i18n/names";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const idSchema = z.coerce.number().int().positive().max(MAX_ROW_ID);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("coverage");
  return { title: t("title") };
}

/**
 * A unit's child units ranked worst first for one post; each links one level down keeping the
 * post, and at the post's own level a vacant unit links straight to its seat: district → worst
 * mandal → its vacant shakti kendras → fill, in three taps. Plain GET forms and links.
 */
export default async function CoveragePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const [{ id: rawId }, query, t, locale] = await Promise.all([params, searchParams, getTranslations(), getLocale()]);
  const id = idSchema.safeParse(rawId);
  const coverage = id.success ? await coverageOf(viewer, id.data) : null;
  const form = id.success ? await getVacancyForm(viewer, id.data) : null;
  if (!coverage || !form) notFound();
  const postId = idSchema.safeParse(Array.isArray(query.post) ? query.post[0] : query.post);
  const chosen = postId.success ? form.posts.find((p) => p.id === postId.data) : undefined;
  const ranked = chosen ? await rankChildren(viewer, coverage.unit.id, chosen.id) : null;
  const postName = chosen ? `${localName(locale, { nameHi: chosen.bodyHi, nameEn: chosen.bodyEn })} ${localName(locale, { nameHi: chosen.titleHi, nameEn: chosen.titleEn })} (${t(`levels.${chosen.level}`)})` : "";

  return (
    <>
      <p>
        <a href={`/units/${coverage.unit.id}`}>← {localName(locale, coverage.unit)}</a>
      </p>
      <h1>{t("coverage.pageTitle", { unit: localName(locale, coverage.unit) })}</h1>
      <form action={`/coverage/${coverage.unit.id}`} method="get" className="filters">
        <div className="field">
          <label htmlFor="coverage-post">{t("coverage.post")}</label>
          <select id="coverage-post" name="post" defaultValue={chosen?.id ?? ""}>
            <option value="">—</option>
            {form.posts.map((p) => (
              <option key={p.id} value={p.id}>
                {t(`levels.${p.level}`)}: {localName(locale, { nameHi: p.bodyHi, nameEn: p.bodyEn })} {localName(locale, { nameHi: p.titleHi, nameEn: p.titleEn })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("coverage.show")}
        </button>
      </form>

      {!ranked ? (
        <>
          <p className="muted">{t("coverage.pickPost")}</p>
          <CoveragePanel unitId={coverage.unit.id} rows={coverage.rows} locale={locale} whereLink={false} />
        </>
      ) : ranked.children.length === 0 ? (
        <p className="empty">{t("coverage.none")}</p>
      ) : (
        <section aria-labelledby="ranked-heading">
          <h2 id="ranked-heading">{t("coverage.ranked", { post: postName })}</h2>
          <ol className="ranked-list">
            {ranked.children.map((c) => {
              const atPostLevel = c.level === ranked.post.level;
              const vacant = c.filled < c.total;
              return (
                <li key={c.id}>
                  <a href={atPostLevel ? `/units/${c.id}` : `/coverage/${c.id}?post=${ranked.post.id}`} className="holder-name">
                    {c.code ? `${c.code} · ` : ""}
                    {localName(locale, c)}
                  </a>
                  <span className="coverage-figure">
                    {atPostLevel && ranked.post.seats === 1
                      ? vacant
                        ? t("coverage.vacant")
                        : t("coverage.filledShort")
                      : `${formatCount(locale, c.filled)} / ${formatCount(locale, c.total)} · ${percent(c.filled, c.total)}%`}
                  </span>
                  <CoverageBar filled={c.filled} total={c.total} />
                  {atPostLevel && vacant && c.editable && ranked.post.seats === 1 ? (
                    <a href={`/units/${c.id}/seats/${ranked.post.id}/1`} className="seat-action fill" aria-label={`${t("coverage.fill")}: ${localName(locale, c)}`}>
                      {t("coverage.fill")}
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </>
  );
}
