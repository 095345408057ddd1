import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Field, SelectField } from "@/components/ui/field";
import { requireViewer } from "@/lib/auth/session";
import { listAdminUnits } from "@/lib/data/accounts";
import { auditFilterSchema, listAuditEntries, OUTSIDE_SCOPE, type AuditFilter, type AuditRow, type ChangeLine } from "@/lib/data/audit";
import { readableValue, rowSentence } from "@/lib/audit/sentence";
import { formatDate, formatDateTime, localName, nameWithLevel } from "@/lib/i18n/names";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

/** Drops ids and paths (numbers that mean nothing to a reader); the names beside them stay. */
function readable(changes: ChangeLine[]): ChangeLine[] {
  return changes.filter((c) => !/(Id|^path|\.path)$/.test(c.field));
}

function pageHref(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["unit", "person", "actor", "from", "to"] as const) {
    const value = filter[key];
    if (value !== undefined) params.set(key, String(value));
  }
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return `/admin/audit${qs ? `?${qs}` : ""}`;
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const filter = auditFilterSchema.parse(await searchParams);
  const result = await listAuditEntries(viewer, filter);
  const units = await listAdminUnits(viewer);
  if (!result || !units) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);

  const fieldLabel = (field: string): string | null => {
    for (const key of [`admin.audit.fields.${field.replace(/\./g, "_")}`, `audit.fields.${field.split(".").at(-1)}`, `admin.audit.fields.${field.split(".").at(-1)}`]) {
      if (t.has(key)) return t(key);
    }
    return null;
  };
  const valueLabel = (field: string, value: string | null) => {
    if (value === null || value === "") return t("admin.audit.emptyValue");
    if (value === OUTSIDE_SCOPE) return t("audit.outsideScope");
    if (/(At|^at)$/.test(field) && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(locale, value);
    return readableValue(value, field, locale, t, (iso) => formatDate(locale, iso));
  };
  const sentence = (entry: AuditRow) => rowSentence(entry, locale, t);
  const target = (entry: AuditRow) => {
    const tg = entry.target;
    if (tg.kind === "person") return <a href={`/people/${tg.id}`}>{localName(locale, tg)}</a>;
    if (tg.kind === "unit") return <a href={`/units/${tg.id}`}>{localName(locale, tg)}</a>;
    if (tg.kind === "account") return tg.name;
    if (tg.kind === "outside") return <em>{t("audit.outsideScope")}</em>;
    if (tg.kind === "other" && tg.type === "meeting" && tg.id !== null) {
      // A meeting: its title as the entry wrote it, else the unit it was filed under.
      const title = [entry.after, entry.before].map((v) => (v && typeof v === "object" ? (v as { title?: unknown }).title : undefined)).find((x) => typeof x === "string" && x);
      const label = (title as string | undefined) ?? (entry.unit ? localName(locale, entry.unit) : null);
      if (label) return entry.outcome === "ok" ? <a href={`/meetings/${tg.id}`}>{label}</a> : label;
    }
    return t("admin.audit.noTarget");
  };
  const change = (c: ChangeLine) =>
    c.before === null ? (
      valueLabel(c.field, c.after)
    ) : (
      <>
        <del>{valueLabel(c.field, c.before)}</del> → <ins>{valueLabel(c.field, c.after)}</ins>
      </>
    );

  const filtered = ["unit", "person", "actor", "from", "to"].some((k) => filter[k as keyof AuditFilter] !== undefined);

  return (
    <>
      <h1>{t("admin.audit.title")}</h1>
      <p className="muted">{t("admin.audit.intro")}</p>

      <form method="get" action="/admin/audit" className="form card" aria-labelledby="audit-filters-heading">
        <h2 id="audit-filters-heading">{t("admin.audit.filters")}</h2>
        <SelectField id="audit-unit" name="unit" label={t("admin.audit.unit")} defaultValue={filter.unit ?? ""}>
          <option value="">{t("admin.audit.anyUnit")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {`${"— ".repeat(u.depth)}${nameWithLevel(localName(locale, u), t(`levels.${u.level}`))}`}
            </option>
          ))}
        </SelectField>
        <Field id="audit-person" name="person" label={t("admin.audit.person")} type="search" defaultValue={filter.person ?? ""} />
        <Field id="audit-actor" name="actor" label={t("admin.audit.actor")} type="search" defaultValue={filter.actor ?? ""} />
        <Field id="audit-from" name="from" label={t("admin.audit.from")} type="date" defaultValue={filter.from ?? ""} />
        <Field id="audit-to" name="to" label={t("admin.audit.to")} type="date" defaultValue={filter.to ?? ""} />
        <p>
          <button type="submit" className="button">
            {t("admin.audit.apply")}
          </button>{" "}
          {filtered ? <a href="/admin/audit">{t("admin.audit.clear")}</a> : null}
        </p>
      </form>

      <section aria-labelledby="audit-entries-heading">
        <h2 id="audit-entries-heading">
          {t("admin.audit.entries")}
          {result.page > 1 ? <span className="muted small"> · {t("admin.audit.page", { page: result.page })}</span> : null}
        </h2>
        {result.entries.length === 0 ? (
          <p className="empty">{t("admin.audit.empty")}</p>
        ) : (
          <ol className="card-list">
            {result.entries.map((entry) => (
              <li key={entry.id} className="card">
                <p className="small muted">
                  <time dateTime={entry.at}>{formatDateTime(locale, entry.at)}</time>
                  {" · "}
                  <span className={entry.outcome === "ok" ? undefined : "vacant"}>{t(`admin.audit.outcomes.${entry.outcome}`)}</span>
                </p>
                <p className="audit-sentence">{sentence(entry)}</p>
                <details className="audit-details">
                  <summary>{t("audit.details")}</summary>
                  <p className="small">
                    {t("admin.audit.target")}: {target(entry)}
                    {" · "}
                    {t("admin.audit.by")}: {entry.actor === "outside" ? <em>{t("audit.outsideScope")}</em> : entry.actor ? localName(locale, entry.actor) : t("admin.audit.noActor")}
                    {entry.unit ? (
                      <>
                        {" · "}
                        {t("admin.audit.at")}: <a href={`/units/${entry.unit.id}`}>{localName(locale, entry.unit)}</a>
                      </>
                    ) : null}
                  </p>
                  {entry.changes.length > 0 ? (
                    <ul className="small" aria-label={t("admin.audit.changes")}>
                      {readable(entry.changes).flatMap((c) => {
                        const label = fieldLabel(c.field);
                        return label === null
                          ? []
                          : [
                              <li key={c.field}>
                                {label}: {change(c)}
                              </li>,
                            ];
                      })}
                    </ul>
                  ) : null}
                </details>
              </li>
            ))}
          </ol>
        )}
        {result.page > 1 || result.hasNext ? (
          <nav aria-label={t("admin.audit.pages")}>
            <p>
              {result.page > 1 ? <a href={pageHref(filter, result.page - 1)}>{t("admin.audit.prev")}</a> : null}
              {result.page > 1 && result.hasNext ? " · " : null}
              {result.hasNext ? <a href={pageHref(filter, result.page + 1)}>{t("admin.audit.next")}</a> : null}
            </p>
          </nav>
        ) : null}
      </section>
    </>
  );
}
