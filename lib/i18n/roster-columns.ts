import { LEVELS, type Level } from "@/lib/tree";

/**
 * The roster sheet's columns: the one source for the export, the import template, the error
 * sheet and the import's header matching. A sheet exported in either language imports back,
 * whatever the interface's messages later call a level.
 */
type Column = { hi: string; en: string; aliases?: readonly string[] };

const LEVEL_COLUMNS: Record<Level, Column> = {
  state: { hi: "प्रदेश", en: "State" },
  district: { hi: "जिला", en: "District", aliases: ["ज़िला"] },
  assembly: { hi: "विधानसभा", en: "Assembly constituency", aliases: ["assembly"] },
  mandal: { hi: "मंडल", en: "Mandal" },
  shakti_kendra: { hi: "शक्ति केंद्र", en: "Shakti kendra" },
  booth: { hi: "बूथ", en: "Booth" },
};

export const FIELD_COLUMNS = {
  code: { hi: "कोड", en: "Code" },
  body: { hi: "विभाग/मोर्चा", en: "Body", aliases: ["wing"] },
  post: { hi: "पद", en: "Post" },
  seat: { hi: "सीट", en: "Seat" },
  nameHi: { hi: "नाम (हिंदी)", en: "Name (Hindi)" },
  nameEn: { hi: "नाम (अंग्रेज़ी)", en: "Name (Latin)", aliases: ["name (english)"] },
  mobile: { hi: "मोबाइल", en: "Mobile" },
  whatsapp: { hi: "व्हाट्सएप", en: "WhatsApp" },
  since: { hi: "कब से", en: "Since" },
} as const satisfies Record<string, Column>;

export type RosterField = keyof typeof FIELD_COLUMNS;

const label = (c: Column, locale: string) => (locale === "hi" ? c.hi : c.en);
const names = (c: Column) => [c.hi, c.en, ...(c.aliases ?? [])];

export const roster = {
  /** The header row in the reader's language: the six levels, then the roster fields. */
  headers(locale: string): string[] {
    return [...LEVELS.map((l) => label(LEVEL_COLUMNS[l], locale)), ...Object.values(FIELD_COLUMNS).map((c) => label(c, locale))];
  },
  /** Every header a column is recognised by, in either language. */
  levelNames: (level: Level) => names(LEVEL_COLUMNS[level]),
  fieldNames: (field: RosterField) => names(FIELD_COLUMNS[field]),
  fieldLabel: (field: RosterField, locale: string) => label(FIELD_COLUMNS[field], locale),
  levelLabel: (level: Level, locale: string) => label(LEVEL_COLUMNS[level], locale),
};
