import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { driveNotes, driveTimeLeft } from "@/components/drives/drive-texts";
import { loadMessages } from "@/lib/i18n/messages";
import type { Drive } from "./progress";

async function translator(locale: "hi" | "en") {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages }) as unknown as (key: string, values?: Record<string, string | number>) => string;
}

const jehanabad = { id: 10, level: "district" as const, nameHi: "जहानाबाद", nameEn: "Jehanabad", path: "/1/10/" };
const drive = (over: Partial<Drive> = {}): Drive => ({
  id: 1,
  name: "हर शक्ति केंद्र का व्हाट्सएप समूह",
  kind: "whatsapp",
  level: "shakti_kendra",
  postId: null,
  since: null,
  deadline: "2027-01-15",
  closedAt: null,
  unit: jehanabad,
  post: null,
  ...over,
});

describe("a drive's words on a home panel", () => {
  it("names the drive's unit whenever it is not the panel's unit", async () => {
    const t = await translator("hi");
    // The panel of Jehanabad, the drive's own unit: no unit named.
    expect(driveNotes(drive(), { id: 10, nameHi: "जहानाबाद", nameEn: "Jehanabad" }, 10, "hi", t)).toEqual([]);
    // The district's panel, a mandal's drive inside it: the mandal is named.
    const ghosi = { id: 20, level: "mandal" as const, nameHi: "घोसी मंडल", nameEn: "Ghosi mandal", path: "/1/10/15/20/" };
    expect(driveNotes(drive({ unit: ghosi }), { id: 20, nameHi: "घोसी मंडल", nameEn: "Ghosi mandal" }, 10, "hi", t)).toEqual(["घोसी मंडल का अभियान"]);
    // A mandal's panel, the district's drive above it: the district is named, and the mandal's part.
    expect(driveNotes(drive(), { id: 20, nameHi: "घोसी मंडल", nameEn: "Ghosi mandal" }, 20, "hi", t)).toEqual(["जहानाबाद का अभियान", "घोसी मंडल का हिस्सा"]);
    const en = await translator("en");
    expect(driveNotes(drive({ unit: ghosi }), { id: 20, nameHi: "घोसी मंडल", nameEn: "Ghosi mandal" }, 10, "en", en)).toEqual(["A WhatsApp group for every Shakti kendra", "Drive of Ghosi mandal"]);
  });

  it("describes what the drive counts only when its name does not already say it", async () => {
    const t = await translator("hi");
    expect(driveNotes(drive({ name: "दिसंबर का लक्ष्य" }), { id: 10, nameHi: "जहानाबाद", nameEn: "Jehanabad" }, 10, "hi", t)).toEqual(["हर शक्ति केंद्र का व्हाट्सएप समूह"]);
  });
});

describe("a drive's time", () => {
  it("counts days for an open drive, and none for a closed one", async () => {
    const t = await translator("hi");
    expect(driveTimeLeft(drive(), t, "2026-11-30").text).toBe("46 दिन बाकी");
    const closed = driveTimeLeft(drive({ closedAt: "2026-11-30T10:00:00Z" }), t, "2026-11-30");
    expect(closed).toEqual({ text: null, overdue: false });
  });
});
