import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, nameWithLevel, needsLevelTag } from "./names";

describe("names and dates as readers say them", () => {
  it("writes full month names, one style", () => {
    expect(formatDate("hi", "2026-11-30")).toBe("30 नवंबर 2026");
    expect(formatDate("en", "2026-11-30")).toBe("30 November 2026");
  });

  it("writes a time in India's time, the Hindi way", () => {
    expect(formatDateTime("hi", "2026-11-30T04:06:00.000Z")).toBe("30 नवंबर 2026, सुबह 9:36");
    expect(formatDateTime("hi", "2026-11-30T13:00:00.000Z")).toBe("30 नवंबर 2026, शाम 6:30");
    expect(formatDateTime("en", "2026-11-30T04:06:00.000Z")).toBe("30 November 2026, 9:36 am");
  });

  it("does not double a level word the name already ends with", () => {
    expect(needsLevelTag("मखदुमपुर दक्षिणी मंडल", "मंडल")).toBe(false);
    expect(needsLevelTag("Makhdumpur South Mandal", "Mandal")).toBe(false);
    expect(needsLevelTag("मखदुमपुर", "विधानसभा")).toBe(true);
    expect(nameWithLevel("मखदुमपुर", "विधानसभा")).toBe("मखदुमपुर (विधानसभा)");
    expect(nameWithLevel("मखदुमपुर दक्षिणी मंडल", "मंडल")).toBe("मखदुमपुर दक्षिणी मंडल");
  });
});
