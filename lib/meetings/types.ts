export type MeetingLang = "hi" | "en";
export type MeetingMode = "video" | "place" | "phone";
export type NamedPost = { name: string; post: string };     // in the meeting's language; post may be ""
export type MeetingRecord = {
  lang: MeetingLang; unitName: string; bodies: string[];     // body names in the meeting's language
  title: string; startsAt: string /* "YYYY-MM-DDTHH:MM" India time */; durationMinutes: number;
  mode: MeetingMode; location: string; agenda: string[];
  chair: NamedPost | null; guests: NamedPost[];
  attendees: NamedPost[];   // marked present (invitees + walk-ins), chair and guests excluded
  decisions: string[];
  /** The district's name, the report's dateline ("जहानाबाद।"); absent for a state meeting. */
  dateline?: string;
  /** Who was invited, as groups from the invite rules ("आईटी सेल शक्ति केंद्र संयोजक"). */
  invited?: string[];
  /** The minutes (बैठक का ब्योरा): what was said, the heart of the report; one paragraph a line. */
  minutes?: string[];
};
