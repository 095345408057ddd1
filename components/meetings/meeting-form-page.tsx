import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { localName } from "@/lib/i18n/names";
import type { GuestMatch, MeetingFormData } from "@/lib/meetings/data";
import { defaultTitle } from "@/lib/meetings/press-note";
import { MeetingForm, type LevelChoices } from "./meeting-form";

const bare = (s: string) => s.replace(/\s*\([^)]*\)\s*$/, "");

/** The meeting form with its choices worded for the reader: a new meeting's, or a saved one's to change. */
export async function MeetingFormPage({
  form,
  heading,
  initial,
  initialGuests,
  meetingId,
  version,
  note,
}: {
  form: MeetingFormData;
  heading: string;
  initial: Record<string, string>;
  initialGuests: GuestMatch[];
  meetingId?: number;
  version?: number;
  note?: string;
}) {
  const [t, locale, messages] = await Promise.all([getTranslations(), getLocale(), getMessages()]);
  const name = (x: { nameHi: string; nameEn: string }) => (locale === "hi" ? x.nameHi : bare(x.nameEn));
  const levels: LevelChoices[] = [];
  for (const p of form.posts) {
    let group = levels.find((l) => l.level === p.level);
    if (!group) {
      const level = t(`levels.${p.level}`);
      group = { level: p.level, heading: p.level === form.unit.level ? t("meetings.form.levelHere", { level }) : t("meetings.form.levelBelow", { level }), posts: [] };
      levels.push(group);
    }
    group.posts.push({ id: p.id, label: `${name({ nameHi: p.bodyHi, nameEn: p.bodyEn })} ${locale === "hi" ? p.titleHi : p.titleEn}` });
  }
  const example = defaultTitle(locale === "hi" ? "hi" : "en", name(form.unit), form.bodies.slice(0, 1).map(name));
  return (
    <>
      <Breadcrumb label={t("unit.breadcrumb")} items={form.breadcrumb.map((u) => ({ id: u.id, name: localName(locale, u) }))} />
      <h1>{heading}</h1>
      {note ? <p className="muted small">{note}</p> : null}
      <NextIntlClientProvider messages={{ meetings: messages.meetings }}>
        <MeetingForm
          unitId={form.unit.id}
          meetingId={meetingId}
          version={version}
          bodies={form.bodies.map((b) => ({ id: b.id, name: name(b) }))}
          levels={levels}
          chairChoices={form.chairChoices.map((c) => ({ personId: c.personId, label: locale === "hi" ? c.label : c.labelEn }))}
          initial={initial}
          initialGuests={initialGuests}
          titleExample={example}
        />
      </NextIntlClientProvider>
    </>
  );
}
