"use client";

import { Fragment, useActionState } from "react";
import { useTranslations } from "next-intl";
import { createAccount } from "@/lib/actions/accounts";
import { Field } from "@/components/ui/field";
import { FormSubmit, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import { GrantFields, type Option } from "./grant-fields";
import { NewPasswordField } from "./new-password-field";

export function NewAccountForm({ units, roles, bodies, minPassword }: { units: Option[]; roles: Option[]; bodies: Option[]; minPassword: number }) {
  const t = useTranslations("admin.form");
  const [state, action, pending] = useActionState(createAccount, undefined);
  const errors = fieldErrors(state);
  const values = keptValues(state);
  return (
    <form action={action} className="form" noValidate>
      {/* Remounted with what was typed after a refusal: selects otherwise reset to their first value. */}
      <Fragment key={JSON.stringify(values)}>
        <Field
          id="new-mobile"
          name="mobile"
          label={t("mobile")}
          hint={t("mobileHint")}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          required
          defaultValue={values.mobile ?? ""}
          errors={errors.mobile}
        />
        <NewPasswordField id="new-password" label={t("password")} minPassword={minPassword} errors={errors.password} />
        <fieldset className="form">
          <legend>{t("firstGrant")}</legend>
          <GrantFields idPrefix="new" units={units} roles={roles} bodies={bodies} errors={errors} values={values} />
        </fieldset>
      </Fragment>
      <FormSubmit state={state} pending={pending} label={t("create")} pendingLabel={t("creating")} />
    </form>
  );
}
