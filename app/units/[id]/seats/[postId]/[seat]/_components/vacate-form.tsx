"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage } from "@/components/ui/form-feedback";
import { vacateSeatAction } from "@/lib/actions/roster";

export function VacateForm({ tenureId, today, minDate }: { tenureId: number; today: string; minDate: string }) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(vacateSeatAction, undefined);
  const errors = state && !state.ok ? state.errors : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="tenureId" value={tenureId} />
      <div className="field">
        <label htmlFor="endDate">{t("endDate")}</label>
        <input id="endDate" name="endDate" type="date" defaultValue={values.startDate ?? values.endDate ?? today} min={minDate} required aria-describedby="endDate-error" />
        <FieldError id="endDate-error" messages={errors.endDate} />
      </div>
      <div className="field">
        <label htmlFor="reason">{t("reason")}</label>
        <input id="reason" name="reason" defaultValue={values.reason} type="text" maxLength={300} />
      </div>
      <FormMessage state={state} />
      <button type="submit" className="button button-secondary" disabled={pending}>
        {pending ? t("saving") : t("vacate")}
      </button>
    </form>
  );
}
