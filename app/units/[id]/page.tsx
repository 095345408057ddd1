import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, parseSort, type DataColumn, type SortState } from "@/components/data-table/data-table";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ContactLinks } from "@/components/ui/contact-links";
import { requireViewer } from "@/lib/auth/session";
import { getUnitPage, type ChildUnit, type SeatRow } from "@/lib/data/units";
import { formatDate, localName } from "@/lib/i18n/names";
import { rosterMessage, shareLink } from "@/lib/share/whatsapp";
import { ExportForm } from "./_components/export-form";
import { SaveOffline } from "@/components/offline/save-offline";
import { SAVABLE_LEVELS, SUBTREE_MAX } from "@/lib/data/offline";
import { LevelTag } from "@/components/level-tag";
import { UnitMeetingLinks, UnitMeetings } from "@/components/meetings/unit-meetings";
import { isRowIdText } from "@/lib/validation/row-id";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function parseId(raw: string): number | null {
  return isRowIdText(raw) ? Number(raw) : null;
}

async function load(params: Params) {
  const viewer = await requireViewer();
  const id = parseId((await params).id);
  const page = id === null ? null : await getUnitPage(viewer, id);
  if (!page) notFound();
  return { ...page, viewer };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [page, locale] = await Promise.all([load(params), getLocale()]);
  return { title: localName(locale, page.unit) };
}

const POST_SORTS = ["post", "holder", "since"] as const;
const CHILD_SORTS = ["name", "filled", "booths"] as const;

export default async function UnitPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [page, query, t, locale] = await Promise.all([load(params), searchParams, getTranslations(), getLocale()]);
  const { unit } = page;
  const postSort = parseSort(query.psort, POST_SORTS);
  const childSort = parseSort(query.csort, CHILD_SORTS);

  const hrefWith = (key: string, sort: SortState) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (typeof v === "string" && k !== key) next.set(k, v);
    if (sort) next.set(key, sort.desc ? `${sort.id}.desc` : sort.id);
    const qs = next.toString();
    // The sorted table's own heading as the anchor: sorting keeps the reader's place on a long page.
    return `/units/${unit.id}${qs ? `?${qs}` : ""}#${key === "psort" ? "posts-heading" : "children-heading"}`;
  };
  const sortLabel = (column: string) => t("unit.sortBy", { column });
  const showContacts = page.visibility === "full";

  const postColumns = (editable: boolean): DataColumn<SeatRow>[] => [
    {
      id: "post",
      header: t("unit.post"),
      value: (r) => r.sort,
      sortFn: "basic",
      cell: (r) => (
        <span className="post-title">
          {localName(locale, { nameHi: r.titleHi, nameEn: r.titleEn })}
          {r.vacantSeats > 1 ? <span className="muted"> ×{r.vacantSeats}</span> : null}
        </span>
      ),
    },
    {
      id: "holder",
      header: t("unit.holder"),
      value: (r) => r.holder?.nameEn.toLowerCase() ?? "~",
      sortFn: "text",
      cell: (r) =>
        r.holder ? (
          <div className="holder">
            <a href={`/people/${r.holder.personId}`} className="holder-name" lang="hi">
              {r.holder.nameHi}
            </a>
            <span className="holder-latin" lang="en">
              {r.holder.nameEn}
            </span>
            {/* Above a grant the data layer has already removed numbers, unless the holder is reachable from below. */}
            <ContactLinks mobile={r.holder.mobile} whatsapp={r.holder.whatsapp} callLabel={t("unit.call")} whatsappLabel={t("unit.whatsapp")} />
            {editable ? (
              <a
                href={`/units/${unit.id}/seats/${r.postId}/${r.seat}`}
                className="seat-action"
                aria-label={`${t("roster.edit")}: ${localName(locale, { nameHi: r.titleHi, nameEn: r.titleEn })} (${r.holder.nameHi})`}
              >
                {t("roster.edit")}
              </a>
            ) : null}
          </div>
        ) : editable ? (
          // The vacant seat itself is the button to fill it.
          <a
            href={`/units/${unit.id}/seats/${r.postId}/${r.seat}`}
            className="seat-action fill"
            aria-label={`${t("unit.vacant")} · ${t("roster.fill")}: ${localName(locale, { nameHi: r.titleHi, nameEn: r.titleEn })}`}
          >
            {t("unit.vacant")} · {t("roster.fill")}
          </a>
        ) : (
          <span className="vacant">{t("unit.vacant")}</span>
        ),
    },
    {
      id: "since",
      header: t("unit.since"),
      value: (r) => r.holder?.since ?? "9999",
      sortFn: "text",
      wide: true,
      cell: (r) => (r.holder ? formatDate(locale, r.holder.since) : "—"),
    },
  ];

  const childColumns: DataColumn<ChildUnit>[] = [
    {
      id: "name",
      header: t("unit.name"),
      value: (c) => (c.code && /^\d+$/.test(c.code) ? Number(c.code) : localName(locale, c)),
      cell: (c) => (
        <a href={`/units/${c.id}`}>
          {c.code ? <span className="code">{c.code} · </span> : null}
          {localName(locale, c)}
        </a>
      ),
    },
    {
      id: "filled",
      header: t("unit.filled"),
      value: (c) => (c.total ? c.filled / c.total : 0),
      sortFn: "basic",
      cell: (c) => (
        <span className={c.filled === 0 ? "vacant" : undefined}>
          {c.filled}/{c.total}
        </span>
      ),
    },
    ...(page.childLevel !== "booth"
      ? [
          {
            id: "booths",
            header: t("unit.booths"),
            value: (c: ChildUnit) => c.booths ?? 0,
            sortFn: "basic" as const,
            cell: (c: ChildUnit) => c.booths ?? "—",
          },
        ]
      : []),
  ];

  return (
    <>
      <Breadcrumb
        label={t("unit.breadcrumb")}
        items={page.breadcrumb.map((u) => ({ id: u.id, name: localName(locale, u) }))}
      />
      <header className="unit-header">
        <h1>
          {localName(locale, unit)} <LevelTag name={localName(locale, unit)} label={t(`levels.${unit.level}`)} />
        </h1>
        <p className="muted">
          {locale === "hi" ? unit.nameEn : unit.nameHi}
          {unit.code ? ` · ${t("unit.code", { code: unit.code })}` : null}
          {unit.reserved && unit.reserved !== "GEN" ? ` · ${t("unit.reserved", { reserved: unit.reserved })}` : null}
          {unit.isGenerated ? ` · ${t("unit.generated")}` : null}
        </p>
        <p className="unit-stats">{t("unit.filledOf", { filled: page.filled, total: page.total })}</p>
        <p className="unit-actions">
          {page.manageable ? (
            <a href={`/units/${unit.id}/manage`} className="button button-secondary">
              {t("structure.manage")}
            </a>
          ) : null}
          {showContacts ? (
            <a href={`/units/${unit.id}/drives`} className="button button-secondary">
              {t("drives.unitDrivesLink")}
            </a>
          ) : null}
          {page.manageable && unit.level !== "booth" ? (
            <a href={`/drives/new?unit=${unit.id}`} className="button button-secondary">
              {t("drives.new")}
            </a>
          ) : null}
          {showContacts && unit.level !== "booth" ? (
            <a href={`/search?under=${unit.id}`} className="button button-secondary">
              {t("search.findVacancies")}
            </a>
          ) : null}
          {page.importable ? (
            <a href={`/units/${unit.id}/import`} className="button button-secondary">
              {t("import.link")}
            </a>
          ) : null}
          <UnitMeetingLinks viewer={page.viewer} unitId={unit.id} full={showContacts} />
        </p>
        {showContacts ? (
          unit.whatsappUrl ? (
            <p>
              <a href={unit.whatsappUrl} className="button button-wa" rel="noopener noreferrer" target="_blank">
                {t("unit.whatsappGroup")}
              </a>
            </p>
          ) : (
            <p className="muted small">{t("unit.noWhatsappGroup")}</p>
          )
        ) : null}
      </header>
      {page.visibility === "above" ? <p className="notice">{t("unit.aboveScope")}</p> : null}
      {showContacts ? <ExportForm unitId={unit.id} level={unit.level} /> : null}
      {showContacts && SAVABLE_LEVELS.includes(unit.level) ? (
        <SaveOffline
          unitId={unit.id}
          labels={{
            button: t("offline.save.button"),
            hint: t("offline.save.hint", { level: t(`levels.${unit.level}`), max: SUBTREE_MAX }),
            progress: t.raw("offline.save.progress") as string,
            done: t.raw("offline.save.done") as string,
            partial: t.raw("offline.save.partial") as string,
            truncated: t.raw("offline.save.truncated") as string,
            level: t(`levels.${unit.level}`),
            unavailable: t("offline.save.unavailable"),
          }}
        />
      ) : null}
      {query.saved === "1" ? (
        <p className="saved" role="status">
          {t("roster.saved")}
        </p>
      ) : null}

      <section aria-labelledby="posts-heading">
        <h2 id="posts-heading">{t("unit.posts")}</h2>
        {(() => {
          // The list as one WhatsApp message: a native <details>, a text to select and a link — no script.
          const message = rosterMessage(locale, t("unit.shareHeading", { unit: localName(locale, unit) }), page.bodies, {
            withNumbers: true,
            vacantWord: t("unit.vacant"),
          });
          return (
            <details className="share">
              <summary>{t("unit.shareSummary")}</summary>
              <p className="muted small">{t("unit.shareHint")}</p>
              <label htmlFor="share-text" className="visually-hidden">
                {t("unit.shareText")}
              </label>
              <textarea id="share-text" readOnly rows={8} defaultValue={message} />
              <p>
                <a href={shareLink(message)} className="button button-wa" rel="noopener noreferrer" target="_blank">
                  {t("unit.shareSend")}
                </a>
              </p>
            </details>
          );
        })()}
        <DataTable
          columns={(bodyId) => postColumns(page.bodies.find((b) => String(b.bodyId) === bodyId)?.editable ?? false)}
          rows={page.bodies.flatMap((b) => b.seats)}
          rowKey={(r) => r.key}
          sort={postSort}
          sortHref={(s) => hrefWith("psort", s)}
          sortLabel={sortLabel}
          className="posts-table"
          groups={{
            of: (r) => String(r.bodyId),
            list: page.bodies.map((body) => ({
              id: String(body.bodyId),
              render: (table) => (
                <section key={body.bodyId} className="body-group" aria-labelledby={`body-${body.bodyId}`}>
                  <h3 id={`body-${body.bodyId}`}>
                    {localName(locale, body)}{" "}
                    <span className="muted small">
                      {body.filled}/{body.total}
                    </span>
                  </h3>
                  {table}
                </section>
              ),
            })),
          }}
        />
      </section>

      {page.residents.length > 0 ? (
        <section aria-labelledby="residents-heading">
          <h2 id="residents-heading">{t("unit.residents")}</h2>
          <ul className="result-list">
            {page.residents.map((r, i) => (
              <li key={`${r.personId}-${i}`} className="card">
                <a href={`/people/${r.personId}`} className="holder-name" lang="hi">
                  {r.nameHi}
                </a>{" "}
                <span className="holder-latin">{r.nameEn}</span>
                <p className="small">
                  {localName(locale, { nameHi: r.titleHi, nameEn: r.titleEn })} · {localName(locale, { nameHi: r.bodyHi, nameEn: r.bodyEn })},{" "}
                  <a href={`/units/${r.unitId}`}>{localName(locale, { nameHi: r.unitHi, nameEn: r.unitEn })}</a>{" "}
                  <LevelTag name={localName(locale, { nameHi: r.unitHi, nameEn: r.unitEn })} label={t(`levels.${r.level}`)} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <UnitMeetings viewer={page.viewer} unitId={unit.id} />

      {page.childLevel ? (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">{t(`levelsPlural.${page.childLevel}`)}</h2>
          <DataTable
            columns={childColumns}
            rows={page.children}
            rowKey={(c) => String(c.id)}
            sort={childSort}
            sortHref={(s) => hrefWith("csort", s)}
            sortLabel={sortLabel}
            className="children-table"
          />
        </section>
      ) : unit.level !== "booth" ? (
        <p className="empty">{t("unit.noChildren")}</p>
      ) : null}
    </>
  );
}
