/** Hindi UI shows Hindi names; English UI shows the Latin spelling. */
export function localName(locale: string, item: { nameHi: string; nameEn: string }): string {
  return locale === "hi" ? item.nameHi : item.nameEn;
}

export function formatDate(locale: string, isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale === "hi" ? "hi-IN" : "en-IN", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
