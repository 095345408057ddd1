/**
 * One word per concept, as party workers in Bihar say it (from the product's GLOSSARY.md): the
 * Hindi and English the interface uses, and the variants it must not. lib/i18n/glossary.test.ts
 * fails when a Hindi message uses one of the `not` variants.
 */
export type Term = { concept: string; hi: string; en: string; not: readonly string[] };

export const GLOSSARY: readonly Term[] = [
  { concept: "state", hi: "प्रदेश", en: "state", not: ["राज्य"] },
  { concept: "district", hi: "जिला", en: "district", not: ["ज़िला"] },
  { concept: "mandal", hi: "मंडल (पुल्लिंग: नया मंडल)", en: "mandal", not: ["प्रखंड", "ब्लॉक", "नई मंडल"] },
  { concept: "shakti kendra", hi: "शक्ति केंद्र (पुल्लिंग: नया शक्ति केंद्र)", en: "shakti kendra", not: ["शक्ति केन्द्र", "नई शक्ति केंद्र"] },
  { concept: "booth", hi: "बूथ (पुल्लिंग: नया बूथ)", en: "booth", not: ["नई बूथ"] },
  { concept: "body / wing", hi: "विभाग (the body's own name where known: आईटी सेल, युवा मोर्चा)", en: "body", not: ["विभाग/मोर्चा", "विभाग या मोर्चा", "प्रकोष्ठ"] },
  { concept: "convenor", hi: "संयोजक, सह-संयोजक", en: "convenor", not: ["सहसंयोजक"] },
  { concept: "download", hi: "डाउनलोड", en: "download", not: ["निर्यात"] },
  { concept: "upload", hi: "अपलोड", en: "upload", not: ["आयात"] },
  { concept: "preview", hi: "पहले जाँचें", en: "check first", not: ["पूर्वावलोकन"] },
  { concept: "admin", hi: "एडमिन", en: "admin", not: ["प्रशासक"] },
  { concept: "editor", hi: "बदलाव की अनुमति", en: "can edit", not: ["संपादक"] },
  { concept: "viewer", hi: "देखने की अनुमति", en: "can view", not: ["दर्शक"] },
  { concept: "audit log", hi: "बदलावों का रिकॉर्ड", en: "change record", not: ["ऑडिट लॉग"] },
  { concept: "date", hi: "तारीख", en: "date", not: ["तिथि"] },
  { concept: "meeting", hi: "बैठक", en: "meeting", not: ["मीटिंग"] },
  { concept: "month names", hi: "जनवरी … नवंबर, दिसंबर (पूरे नाम)", en: "January … December", not: ["नव॰", "दिस॰", "जन॰", "फ़र॰", "अग॰", "सित॰", "अक्तू॰"] },
  { concept: "reserved constituency", hi: "अनुसूचित जाति (SC), अनुसूचित जनजाति (ST)", en: "SC, ST", not: ["आरक्षित: SC", "आरक्षित: ST"] },
];

/** The forbidden variants found in a text, with the concept each belongs to. */
export function variantsIn(text: string): Array<{ variant: string; term: Term }> {
  return GLOSSARY.flatMap((term) => term.not.filter((v) => startsAWord(text, v)).map((variant) => ({ variant, term })));
}

// A variant counts where a word begins with it: "तिथि" inside "अतिथि" (guest, the glossary's own
// मुख्य अतिथि) is another word.
function startsAWord(text: string, variant: string): boolean {
  for (let i = text.indexOf(variant); i !== -1; i = text.indexOf(variant, i + 1)) {
    if (i === 0 || !/[\u0900-\u097F]/.test(text[i - 1])) return true;
  }
  return false;
}
