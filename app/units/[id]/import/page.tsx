import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { Denied } from "@/lib/auth/guard";
import { requireViewer } from "@/lib/auth/session";
import { requireImportUnit } from "@/lib/import/apply";
import { localName } from "@/lib/i18n/names";
import { ImportForm } from "./_components/import-form";
import { isRowIdText } from "@/lib/validation/row-id";

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const viewer = await requireViewer();
  const raw = (await params).id;
  if (!isRowIdText(raw)) notFound();
  try {
    return await requireImportUnit(viewer, Number(raw));
  } catch (error) {
    if (error instanceof Denied) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [unit, t, locale] = await Promise.all([load(params), getTranslations("import"), getLocale()]);
  return { title: t("title", { unit: localName(locale, unit) }) };
}

export default async function ImportPage({ params }: { params: Params }) {
  const [unit, t, locale, messages] = await Promise.all([load(params), getTranslations("import"), getLocale(), getMessages()]);
  return (
    <>
      <p>
        <a href={`/units/${unit.id}`}>← {localName(locale, unit)}</a>
      </p>
      <h1>{t("title", { unit: localName(locale, unit) })}</h1>
      <p>{t("intro")}</p>
      <p className="muted small">{t("limits")}</p>
      <p className="unit-actions">
        <a href={`/api/export?unit=${unit.id}&format=csv&seats=all`} className="button button-secondary">
          {t("templateCurrent")}
        </a>
        <a href={`/api/import/template?unit=${unit.id}`} className="button button-secondary">
          {t("templateBlank")}
        </a>
      </p>
      <NextIntlClientProvider messages={{ import: messages.import }}>
        <ImportForm unitId={unit.id} />
      </NextIntlClientProvider>
    </>
  );
}
