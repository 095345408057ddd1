"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormSubmit, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import { vacateSeatAction } from "@/lib/actions/roster";
import { ConfirmStep } from "./confirm-step";

export function VacateForm({ tenureId, holderName, today, minDate, seatPath }: { tenureId: number; holderName: string; today: string; minDate: string; seatPath: string }) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(vacateSeatAction, undefined);
  const errors = fieldErrors(state);
  const values = keptValues(state);
  const asking = state?.ok === false && state.code === "confirm";
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="tenureId" value={tenureId} />
      <Field id="endDate" label={t("endDate")} type="date" defaultValue={values.endDate ?? today} min={minDate} required errors={errors.endDate} />
      <Field id="reason" label={t("reason")} type="text" defaultValue={values.reason} maxLength={300} errors={errors.reason} />
      {asking ? (
        <ConfirmStep question={t("confirmVacate", { name: holderName })} yes={t("confirmVacateYes")} cancelHref={seatPath} pending={pending} />
      ) : (
        <>
          <FormSubmit state={state} pending={pending} label={t("vacate")} pendingLabel={t("saving")} secondary />
        </>
      )}
    </form>
  );
}
