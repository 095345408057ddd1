"use client";

import { useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Field, SelectField } from "@/components/ui/field";

type Values = { nameHi?: string; nameEn?: string; mobile?: string; whatsapp?: string; homeUnitId?: string | number };
type Transliterate = typeof import("@/lib/search/transliterate");

// The transliteration (sanscript) loads on the first keystroke in a name, not with the page.
let loading: Promise<Transliterate> | null = null;
const transliterate = () => (loading ??= import("@/lib/search/transliterate"));

/**
 * A person's own fields, the same in the seat form (a new person) and the person form. Typing the
 * name in one script suggests it in the other (editable) while the other field is still the
 * suggestion's: once the person types there, it is theirs. Without JavaScript they are plain inputs.
 */
export function PersonFields({
  values,
  errors,
  homeChoices,
  mobileAfter,
}: {
  values: Values;
  errors: Record<string, string[]>;
  homeChoices: Array<{ id: number; label: string }>;
  mobileAfter?: ReactNode;
}) {
  const t = useTranslations("roster");
  const [nameHi, setNameHi] = useState(values.nameHi ?? "");
  const [nameEn, setNameEn] = useState(values.nameEn ?? "");
  // Whether each name field holds what the person typed (true) or is empty / a suggestion (false).
  const own = useRef({ hi: nameHi !== "", en: nameEn !== "" });

  const typed = (field: "hi" | "en", value: string) => {
    own.current[field] = value.trim() !== "";
    (field === "hi" ? setNameHi : setNameEn)(value);
    const other = field === "hi" ? "en" : "hi";
    if (own.current[other]) return;
    void transliterate().then((m) => {
      // Never change a field under the person's thumb: once they are in it, it is theirs to type.
      if (own.current[other] || document.activeElement?.id === (other === "hi" ? "nameHi" : "nameEn")) return;
      if (field === "hi") setNameEn(m.isDevanagari(value) ? m.latinName(value.trim()) : "");
      else setNameHi(/[A-Za-z]/.test(value) ? m.devanagariName(value).trim() : "");
    });
  };

  return (
    <>
      <Field id="nameHi" label={t("nameHi")} lang="hi" value={nameHi} onChange={(e) => typed("hi", e.target.value)} required maxLength={120} errors={errors.nameHi} />
      <Field id="nameEn" label={t("nameEn")} lang="en" value={nameEn} onChange={(e) => typed("en", e.target.value)} required maxLength={120} errors={errors.nameEn} />
      <Field
        id="mobile"
        label={t("mobile")}
        type="tel"
        inputMode="tel"
        placeholder={t("mobileHint")}
        defaultValue={values.mobile}
        required
        maxLength={40}
        errors={errors.mobile}
        after={mobileAfter}
      />
      <Field id="whatsapp" label={t("whatsapp")} type="tel" inputMode="tel" defaultValue={values.whatsapp} maxLength={40} errors={errors.whatsapp} />
      <SelectField id="homeUnitId" label={t("homeUnit")} defaultValue={values.homeUnitId ?? ""} errors={errors.homeUnitId}>
        <option value="">{t("homeUnitNone")}</option>
        {homeChoices.map((u) => (
          <option key={u.id} value={u.id}>
            {u.label}
          </option>
        ))}
      </SelectField>
    </>
  );
}
