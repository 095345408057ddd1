"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormMessage, FormSubmit, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import { vacateSeatAction } from "@/lib/actions/roster";
import { ConfirmStep } from "./confirm-step";

type Holder = { tenureId: number; name: string; startDate: string };

/**
 * "पद रिक्त करें" for the seat's holder. Rendered by the page whether or not the seat has one, so
 * its answer survives the page's refresh after the action: an editor whose vacate lost a race (the
 * seat vacated or given to someone else meanwhile) still reads what happened when the refreshed
 * page has no holder left, and so no form.
 */
export function VacateForm({ holder, today, seatPath }: { holder: Holder | null; today: string; seatPath: string }) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(vacateSeatAction, undefined);
  const errors = fieldErrors(state);
  const values = keptValues(state);
  const asking = state?.ok === false && state.code === "confirm";
  if (!holder) {
    return state?.ok === false && state.message ? (
      <section aria-labelledby="vacate-heading">
        <h2 id="vacate-heading">{t("vacateTitle")}</h2>
        <FormMessage state={state} alert />
      </section>
    ) : null;
  }
  return (
    <section aria-labelledby="vacate-heading">
      <h2 id="vacate-heading">{t("vacateTitle")}</h2>
      <form action={action} className="form" noValidate>
        <input type="hidden" name="tenureId" value={holder.tenureId} />
        <Field id="endDate" label={t("endDate")} type="date" defaultValue={values.endDate ?? today} min={holder.startDate} required errors={errors.endDate} />
        <Field id="reason" label={t("reason")} type="text" defaultValue={values.reason} maxLength={300} errors={errors.reason} />
        {asking ? (
          <ConfirmStep question={t("confirmVacate", { name: holder.name })} yes={t("confirmVacateYes")} cancelHref={seatPath} pending={pending} />
        ) : (
          <FormSubmit state={state} pending={pending} label={t("vacate")} pendingLabel={t("saving")} secondary />
        )}
      </form>
    </section>
  );
}
