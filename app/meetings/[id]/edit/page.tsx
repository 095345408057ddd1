import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MeetingFormPage } from "@/components/meetings/meeting-form-page";
import { meetingFormData } from "@/lib/meetings/data";
import { loadMeeting } from "../load";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetings");
  return { title: t("editTitle") };
}

export default async function EditMeetingPage({ params }: { params: Params }) {
  const [{ viewer, meeting: m }, t] = await Promise.all([loadMeeting(params), getTranslations("meetings")]);
  const form = m.editable ? await meetingFormData(viewer, m.unit.id) : null;
  if (!form) notFound();
  const chair = m.people.find((p) => p.role === "chair");
  // A chair who no longer holds a post here stays choosable for the meeting they chaired.
  if (chair?.personId && !form.chairChoices.some((c) => c.personId === chair.personId)) {
    form.chairChoices.unshift({ personId: chair.personId, label: `${chair.nameHi} — ${chair.postHi}`, labelEn: `${chair.nameEn} — ${chair.postEn}` });
  }
  const initial = {
    bodyId: m.bodies.map((b) => b.id).join(","),
    title: m.title,
    date: m.startsAt.slice(0, 10),
    time: m.startsAt.slice(11, 16),
    durationMinutes: String(m.durationMinutes),
    mode: m.mode,
    location: m.location,
    agenda: m.agenda,
    lang: m.lang,
    chairId: chair?.personId ? String(chair.personId) : "",
    postId: (m.rules?.posts ?? []).join(","),
    residents: m.rules?.residents ? "1" : "",
  };
  const guests = m.people
    .filter((p) => p.role === "guest" && p.personId !== null)
    .map((p) => ({ id: p.personId!, nameHi: p.nameHi, nameEn: p.nameEn, postHi: p.postHi, postEn: p.postEn }));
  return <MeetingFormPage form={form} heading={`${t("editTitle")}: ${m.title}`} initial={initial} initialGuests={guests} meetingId={m.id} version={m.version} note={t("form.snapshotNote")} />;
}
