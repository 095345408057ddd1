import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/session";
import { getNewDriveUnit } from "@/lib/drives/progress";
import { getVacancyForm } from "@/lib/data/vacancies";
import { localName } from "@/lib/i18n/names";
import { todayInIndia } from "@/lib/roster/dates";
import { NewDriveForm } from "./_components/new-drive-form";
import { MAX_ROW_ID } from "@/lib/validation/row-id";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const idSchema = z.coerce.number().int().positive().max(MAX_ROW_ID);

async function load(searchParams: SearchParams) {
  const viewer = await requireViewer();
  const raw = (await searchParams).unit;
  const id = idSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const target = id.success ? await getNewDriveUnit(viewer, id.data) : null;
  const form = target ? await getVacancyForm(viewer, target.unit.id) : null;
  if (!target || !form) notFound();
  return { ...target, posts: form.posts };
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const [{ unit }, t, locale] = await Promise.all([load(searchParams), getTranslations("drives"), getLocale()]);
  return { title: t("newTitle", { unit: localName(locale, unit) }) };
}

/** A new drive for a unit the admin administers (others: not found; the action checks again). */
export default async function NewDrivePage({ searchParams }: { searchParams: SearchParams }) {
  const [{ unit, levels, posts }, t, locale, messages] = await Promise.all([load(searchParams), getTranslations(), getLocale(), getMessages()]);
  const groups = levels
    .map((level) => ({
      group: t(`levels.${level}`),
      options: posts
        .filter((p) => p.level === level)
        .map((p) => ({ value: String(p.id), label: `${t(`levels.${level}`)}: ${localName(locale, { nameHi: p.bodyHi, nameEn: p.bodyEn })} ${localName(locale, { nameHi: p.titleHi, nameEn: p.titleEn })}` })),
    }))
    .filter((g) => g.options.length > 0);
  return (
    <>
      <p>
        <a href={`/units/${unit.id}`} className="back-link">← {localName(locale, unit)}</a>
      </p>
      <h1>{t("drives.newTitle", { unit: localName(locale, unit) })}</h1>
      <p className="muted">{t("drives.newIntro", { unit: localName(locale, unit) })}</p>
      <NextIntlClientProvider messages={{ drives: messages.drives }}>
        <NewDriveForm unitId={unit.id} posts={groups} levels={levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))} minDate={todayInIndia()} />
      </NextIntlClientProvider>
    </>
  );
}
