import { LEVELS, type Level } from "@/db/schema";

// The export's columns, which the import template shares: level names, then the roster fields.
const FIELDS = {
  hi: ["कोड", "विभाग/मोर्चा", "पद", "सीट", "नाम (हिंदी)", "नाम (अंग्रेज़ी)", "मोबाइल", "व्हाट्सएप", "कब से"],
  en: ["Code", "Body", "Post", "Seat", "Name (Hindi)", "Name (Latin)", "Mobile", "WhatsApp", "Since"],
} as const;

export const roster = {
  headers(locale: string, levelName: (level: Level) => string): string[] {
    return [...LEVELS.map(levelName), ...(locale === "hi" ? FIELDS.hi : FIELDS.en)];
  },
  fields: FIELDS,
};
