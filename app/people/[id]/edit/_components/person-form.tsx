"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage } from "@/components/ui/form-feedback";
import { updatePersonAction } from "@/lib/actions/roster";
import type { PersonForEdit } from "@/lib/data/people";

export function PersonForm({
  person,
  homeChoices,
}: {
  person: Omit<PersonForEdit, "homeChoices">;
  homeChoices: Array<{ id: number; label: string }>;
}) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(updatePersonAction, undefined);
  const errors = state && !state.ok ? state.errors : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const national = (e164: string | null) => (e164 ? e164.replace(/^\+91/, "") : "");
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="personId" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      <div className="field">
        <label htmlFor="nameHi">{t("nameHi")}</label>
        <input id="nameHi" name="nameHi" lang="hi" defaultValue={values.nameHi ?? person.nameHi} required maxLength={120} aria-describedby="nameHi-error" aria-invalid={errors.nameHi ? true : undefined} />
        <FieldError id="nameHi-error" messages={errors.nameHi} />
      </div>
      <div className="field">
        <label htmlFor="nameEn">{t("nameEn")}</label>
        <input id="nameEn" name="nameEn" lang="en" defaultValue={values.nameEn ?? person.nameEn} required maxLength={120} aria-describedby="nameEn-error" aria-invalid={errors.nameEn ? true : undefined} />
        <FieldError id="nameEn-error" messages={errors.nameEn} />
      </div>
      <div className="field">
        <label htmlFor="mobile">{t("mobile")}</label>
        <input id="mobile" name="mobile" type="tel" inputMode="tel" defaultValue={values.mobile ?? national(person.mobile)} required maxLength={40} aria-describedby="mobile-error" aria-invalid={errors.mobile ? true : undefined} />
        <FieldError id="mobile-error" messages={errors.mobile} />
      </div>
      <div className="field">
        <label htmlFor="whatsapp">{t("whatsapp")}</label>
        <input id="whatsapp" name="whatsapp" type="tel" inputMode="tel" defaultValue={values.whatsapp ?? (person.whatsapp === person.mobile ? "" : national(person.whatsapp))} maxLength={40} aria-describedby="whatsapp-error" />
        <FieldError id="whatsapp-error" messages={errors.whatsapp} />
      </div>
      <div className="field">
        <label htmlFor="homeUnitId">{t("homeUnit")}</label>
        <select id="homeUnitId" name="homeUnitId" defaultValue={values.homeUnitId ?? person.homeUnitId ?? ""} aria-describedby="homeUnitId-error">
          <option value="">{t("homeUnitNone")}</option>
          {homeChoices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
        <FieldError id="homeUnitId-error" messages={errors.homeUnitId} />
      </div>
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
