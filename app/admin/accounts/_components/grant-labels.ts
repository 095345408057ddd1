import type { getTranslations } from "next-intl/server";
import type { AccountGrant, BodyOption, UnitOption } from "@/lib/data/accounts";
import { localName, nameWithLevel } from "@/lib/i18n/names";
import { roleSchema } from "@/lib/validation/accounts";
import type { Option } from "./grant-fields";

type T = Awaited<ReturnType<typeof getTranslations>>;

/** "मखदुमपुर दक्षिणी मंडल · देखने की अनुमति · केवल आईटी सेल", "मखदुमपुर (विधानसभा) · एडमिन", as lists and remove buttons name a grant. */
export function grantLabel(t: T, locale: string, g: AccountGrant): string {
  const base = t("admin.accounts.grantLabel", {
    unit: nameWithLevel(localName(locale, { nameHi: g.unitHi, nameEn: g.unitEn }), t(`levels.${g.level}`)),
    role: t(`roles.${g.role}`),
  });
  if (g.bodyHi === null || g.bodyEn === null) return base;
  return `${base} · ${t("admin.accounts.bodyOnly", { body: localName(locale, { nameHi: g.bodyHi, nameEn: g.bodyEn }) })}`;
}

/** The grant form's choices, labelled in the user's language; units indented by depth. */
export function grantOptions(t: T, locale: string, units: UnitOption[], bodies: BodyOption[]) {
  return {
    units: units.map((u): Option => ({
      value: String(u.id),
      label: `${"— ".repeat(u.depth)}${nameWithLevel(localName(locale, u), t(`levels.${u.level}`))}`,
    })),
    roles: roleSchema.options.map((r): Option => ({ value: r, label: t(`roles.${r}`) })),
    bodies: bodies.map((b): Option => ({ value: String(b.id), label: localName(locale, b) })),
  };
}
