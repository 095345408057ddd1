/**
 * A small vCard 3.0 writer (the npm ones escape too little or fold by characters, not bytes).
 * Text values escape \ ; , and newlines; lines fold at 75 octets without splitting a UTF-8
 * character, as RFC 6350 §3.2 asks; line ends are CRLF.
 */
export type Card = { fullName: string; familyName: string; givenName: string; mobile: string | null; whatsapp?: string | null; org?: string; title?: string; note?: string };

export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

export function foldLine(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Step back off UTF-8 continuation bytes (10xxxxxx) so no character is split.
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
    limit = 74; // continuation lines start with a space
  }
  return parts.join("\r\n ");
}

export function vcard(card: Card): string {
  const lines = [
    "BEGIN:VCARD",
    "VERSION:3.0",
    `FN:${escapeText(card.fullName)}`,
    `N:${escapeText(card.familyName)};${escapeText(card.givenName)};;;`,
  ];
  if (card.mobile) lines.push(`TEL;TYPE=CELL:${card.mobile}`);
  if (card.whatsapp && card.whatsapp !== card.mobile) lines.push(`TEL;TYPE=CELL,X-WHATSAPP:${card.whatsapp}`);
  if (card.org) lines.push(`ORG:${escapeText(card.org)}`);
  if (card.title) lines.push(`TITLE:${escapeText(card.title)}`);
  if (card.note) lines.push(`NOTE:${escapeText(card.note)}`);
  lines.push("END:VCARD");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
