import type { Locale } from "./config";

// Messages live in one file per area (messages/<locale>/<area>.json) so features own their texts.
const AREAS = ["core", "directory", "roster", "structure", "search", "export", "import", "admin", "security", "account", "access", "audit", "coverage", "drives", "meetings", "offline", "database"] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    AREAS.map((area) =>
      import(`../../messages/${locale}/${area}.json`).then(
        (m: { default: Record<string, unknown> }) => m.default,
        () => ({}),
      ),
    ),
  );
  return Object.assign({}, ...parts);
}
