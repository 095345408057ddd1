import { getLocale, getTranslations } from "next-intl/server";
import { SelectField } from "@/components/ui/field";
import { LEVELS, levelDepth, type Level } from "@/lib/tree";
import { listBodies, listTitles } from "@/lib/data/catalogue";
import { localName } from "@/lib/i18n/names";

/** A plain GET form: the browser downloads the file; no JavaScript needed. */
export async function ExportForm({ unitId, level }: { unitId: number; level: Level }) {
  const [t, locale, bodies, titles] = await Promise.all([getTranslations(), getLocale(), listBodies(), listTitles()]);
  const levels = LEVELS.slice(levelDepth(level));
  return (
    <details className="card export">
      <summary>{t("export.title")}</summary>
      <p className="muted small">{t("export.intro")}</p>
      <form action="/api/export" method="get" className="filters">
        <input type="hidden" name="unit" value={unitId} />
        <SelectField id="export-format" name="format" label={t("export.format")} defaultValue="csv">
          <option value="csv">{t("export.csv")}</option>
          <option value="xlsx">{t("export.xlsx")}</option>
          <option value="vcf">{t("export.vcf")}</option>
        </SelectField>
        <SelectField id="export-level" name="level" label={t("export.level")} defaultValue="">
          <option value="">{t("export.any")}</option>
          {levels.map((l) => (
            <option key={l} value={l}>
              {t(`levels.${l}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="export-body" name="body" label={t("export.body")} defaultValue="">
          <option value="">{t("export.any")}</option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {localName(locale, b)}
            </option>
          ))}
        </SelectField>
        <SelectField id="export-title" name="title" label={t("export.post")} defaultValue="">
          <option value="">{t("export.any")}</option>
          {titles.map((p) => (
            <option key={p.key} value={p.key}>
              {localName(locale, { nameHi: p.titleHi, nameEn: p.titleEn })}
            </option>
          ))}
        </SelectField>
        <label className="checkbox">
          <input type="checkbox" name="vacant" value="1" /> {t("export.vacantOnly")}
        </label>
        <button type="submit" className="button">
          {t("export.download")}
        </button>
      </form>
    </details>
  );
}
