import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MeetingFormPage } from "@/components/meetings/meeting-form-page";
import { requireViewer } from "@/lib/auth/session";
import { localName } from "@/lib/i18n/names";
import { meetingFormData } from "@/lib/meetings/data";
import { todayInIndia } from "@/lib/roster/dates";
import { isRowIdText } from "@/lib/validation/row-id";

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const viewer = await requireViewer();
  const raw = (await params).id;
  const form = isRowIdText(raw) ? await meetingFormData(viewer, Number(raw)) : null;
  if (!form) notFound();
  return { viewer, form };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ form }, t, locale] = await Promise.all([load(params), getTranslations("meetings"), getLocale()]);
  return { title: t("newTitle", { unit: localName(locale, form.unit) }) };
}

export default async function NewMeetingPage({ params }: { params: Params }) {
  const [{ viewer, form }, t, locale] = await Promise.all([load(params), getTranslations("meetings"), getLocale()]);
  const chair = form.chairChoices.find((c) => c.personId === viewer.personId);
  const initial = {
    date: todayInIndia(),
    time: "18:00",
    durationMinutes: "60",
    mode: "video",
    lang: locale === "en" ? "en" : "hi",
    chairId: chair ? String(chair.personId) : "",
  };
  return <MeetingFormPage form={form} heading={t("newTitle", { unit: localName(locale, form.unit) })} initial={initial} initialGuests={[]} />;
}
