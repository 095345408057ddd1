import type { Level } from "../../lib/tree";

export const BODIES = [
  { key: "sangathan", nameHi: "संगठन", nameEn: "Organisation" },
  { key: "it_cell", nameHi: "आईटी सेल", nameEn: "IT Cell" },
  { key: "social_media", nameHi: "सोशल मीडिया विभाग", nameEn: "Social Media Department" },
  { key: "yuva", nameHi: "युवा मोर्चा", nameEn: "Yuva Morcha (Youth)" },
  { key: "mahila", nameHi: "महिला मोर्चा", nameEn: "Mahila Morcha (Women)" },
  { key: "kisan", nameHi: "किसान मोर्चा", nameEn: "Kisan Morcha (Farmers)" },
  { key: "sc", nameHi: "अनुसूचित जाति मोर्चा", nameEn: "SC Morcha" },
  { key: "st", nameHi: "अनुसूचित जनजाति मोर्चा", nameEn: "ST Morcha" },
  { key: "obc", nameHi: "पिछड़ा वर्ग मोर्चा", nameEn: "OBC Morcha" },
  { key: "minority", nameHi: "अल्पसंख्यक मोर्चा", nameEn: "Minority Morcha" },
] as const;

export type BodyKey = (typeof BODIES)[number]["key"];

export const TITLES = {
  president: { hi: "अध्यक्ष", en: "President" },
  vice_president: { hi: "उपाध्यक्ष", en: "Vice-president" },
  general_secretary: { hi: "महामंत्री", en: "General secretary" },
  secretary: { hi: "मंत्री", en: "Secretary" },
  treasurer: { hi: "कोषाध्यक्ष", en: "Treasurer" },
  convenor: { hi: "संयोजक", en: "Convenor" },
  co_convenor: { hi: "सह-संयोजक", en: "Co-convenor" },
  in_charge: { hi: "प्रभारी", en: "In-charge" },
  member: { hi: "सदस्य", en: "Member" },
} as const;

export type TitleKey = keyof typeof TITLES;

type Entry = [BodyKey, TitleKey, number];

const MORCHAS: BodyKey[] = ["yuva", "mahila", "kisan", "sc", "st", "obc", "minority"];

/** The starting catalogue; admins extend it as data. [body, title, seats] per level. */
export const CATALOGUE: Record<Level, Entry[]> = {
  state: [
    ["sangathan", "president", 1],
    ["sangathan", "vice_president", 3],
    ["sangathan", "general_secretary", 3],
    ["sangathan", "secretary", 3],
    ["sangathan", "treasurer", 1],
    ["it_cell", "convenor", 1],
    ["it_cell", "co_convenor", 2],
    ["social_media", "convenor", 1],
    ["social_media", "co_convenor", 1],
    ...MORCHAS.flatMap((m): Entry[] => [
      [m, "president", 1],
      [m, "secretary", 2],
    ]),
  ],
  district: [
    ["sangathan", "president", 1],
    ["sangathan", "vice_president", 3],
    ["sangathan", "general_secretary", 2],
    ["sangathan", "secretary", 3],
    ["sangathan", "treasurer", 1],
    ["it_cell", "convenor", 1],
    ["it_cell", "co_convenor", 2],
    ["social_media", "convenor", 1],
    ["social_media", "co_convenor", 1],
    ...MORCHAS.map((m): Entry => [m, "president", 1]),
  ],
  assembly: [
    ["sangathan", "in_charge", 1],
    ["sangathan", "convenor", 1],
    ["it_cell", "convenor", 1],
    ["social_media", "convenor", 1],
  ],
  mandal: [
    ["sangathan", "president", 1],
    ["sangathan", "vice_president", 2],
    ["sangathan", "general_secretary", 2],
    ["sangathan", "treasurer", 1],
    ["it_cell", "convenor", 1],
    ["social_media", "convenor", 1],
    ["yuva", "president", 1],
    ["mahila", "president", 1],
    ["kisan", "president", 1],
  ],
  shakti_kendra: [
    ["sangathan", "in_charge", 1],
    ["sangathan", "convenor", 1],
    ["it_cell", "convenor", 1],
  ],
  booth: [
    ["sangathan", "president", 1],
    ["sangathan", "member", 10],
  ],
};
