import { formatMobile } from "@/lib/people/phone";

/**
 * A unit's office-bearers (or a vacancy list) as one WhatsApp message: names, posts and the
 * numbers the sender may see, nothing else. Plain text with WhatsApp's *bold*; the share link
 * opens WhatsApp with it, the sender picks the group.
 */

type Named = { nameHi: string; nameEn: string };
export type ShareSeat = { titleHi: string; titleEn: string; vacantSeats: number; holder: null | (Named & { mobile: string | null }) };
export type ShareBody = Named & { seats: ShareSeat[] };

const pick = (locale: string, x: Named) => (locale === "hi" ? x.nameHi : x.nameEn);

export function rosterMessage(
  locale: string,
  heading: string,
  bodies: ShareBody[],
  { withNumbers, vacantWord }: { withNumbers: boolean; vacantWord: string },
): string {
  const lines = [`*${heading}*`];
  for (const body of bodies) {
    lines.push("", `*${pick(locale, body)}*`);
    for (const seat of body.seats) {
      const title = pick(locale, { nameHi: seat.titleHi, nameEn: seat.titleEn });
      if (!seat.holder) {
        lines.push(`• ${title}: ${vacantWord}${seat.vacantSeats > 1 ? ` ×${seat.vacantSeats}` : ""}`);
        continue;
      }
      const number = withNumbers && seat.holder.mobile ? ` — ${formatMobile(seat.holder.mobile)}` : "";
      lines.push(`• ${title}: ${pick(locale, seat.holder)}${number}`);
    }
  }
  return lines.join("\n");
}

export function vacancyMessage(heading: string, units: Array<{ name: string; code: string | null; vacant: number }>, more: string | null): string {
  return [`*${heading}*`, ...units.map((u) => `• ${u.code ? `${u.code} · ` : ""}${u.name}${u.vacant > 1 ? ` (${u.vacant})` : ""}`), ...(more ? [more] : [])].join("\n");
}

/** wa.me with the text: WhatsApp (app or web) opens with the message ready, the sender picks the chat. */
export function shareLink(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}
