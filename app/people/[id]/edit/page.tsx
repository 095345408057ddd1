import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/session";
import { getPersonForEdit } from "@/lib/data/people";
import { localName, nameWithLevel } from "@/lib/i18n/names";
import { PersonForm } from "./_components/person-form";
import { isRowIdText } from "@/lib/validation/row-id";

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const viewer = await requireViewer();
  const raw = (await params).id;
  const person = isRowIdText(raw) ? await getPersonForEdit(viewer, Number(raw)) : null;
  if (!person) notFound();
  return person;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [person, t] = await Promise.all([load(params), getTranslations("roster")]);
  return { title: t("editPersonTitle", { name: person.nameHi }) };
}

export default async function EditPersonPage({ params, searchParams }: { params: Params; searchParams: Promise<{ back?: string | string[] }> }) {
  const [person, t, locale, messages, sp] = await Promise.all([load(params), getTranslations(), getLocale(), getMessages(), searchParams]);
  // Only a seat page's path: this is where the form goes after saving.
  const back = typeof sp.back === "string" && /^\/units\/\d+\/seats\/\d+\/\d+$/.test(sp.back) ? sp.back : undefined;
  return (
    <>
      <p>
        <a href={back ?? `/people/${person.id}`}>← {back ? t("roster.backToSeat") : person.nameHi}</a>
      </p>
      <h1>{t("roster.editPersonTitle", { name: person.nameHi })}</h1>
      <NextIntlClientProvider messages={{ roster: messages.roster }}>
        <PersonForm
          person={person}
          back={back}
          homeChoices={person.homeChoices.map((u) => ({ id: u.id, label: nameWithLevel(localName(locale, u), t(`levels.${u.level}`)) }))}
        />
      </NextIntlClientProvider>
    </>
  );
}
