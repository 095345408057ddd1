"use client";

import { Fragment, useActionState } from "react";
import { useTranslations } from "next-intl";
import { createAccount } from "@/lib/actions/accounts";
import { FieldError, FormMessage, fieldErrors, keptValues } from "./form-feedback";
import { GrantFields, type Option } from "./grant-fields";

export function NewAccountForm({ units, roles, bodies, minPassword }: { units: Option[]; roles: Option[]; bodies: Option[]; minPassword: number }) {
  const t = useTranslations("admin.form");
  const [state, action, pending] = useActionState(createAccount, undefined);
  const errors = fieldErrors(state);
  const values = keptValues(state);
  return (
    <form action={action} className="form" noValidate>
      {/* Remounted with what was typed after a refusal: selects otherwise reset to their first value. */}
      <Fragment key={JSON.stringify(values)}>
        <div className="field">
          <label htmlFor="new-mobile">{t("mobile")}</label>
          <input
            id="new-mobile"
            name="mobile"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            required
            defaultValue={values.mobile ?? ""}
            aria-invalid={errors.mobile ? true : undefined}
            aria-describedby={["new-mobile-hint", errors.mobile ? "new-mobile-error" : ""].join(" ").trim()}
          />
          <p id="new-mobile-hint" className="muted small">
            {t("mobileHint")}
          </p>
          <FieldError id="new-mobile-error" errors={errors.mobile} />
        </div>
        <div className="field">
          <label htmlFor="new-password">{t("password")}</label>
          <input
            id="new-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={minPassword}
            maxLength={200}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={["new-password-hint", errors.password ? "new-password-error" : ""].join(" ").trim()}
          />
          <p id="new-password-hint" className="muted small">
            {t("passwordHint", { min: minPassword })}
          </p>
          <FieldError id="new-password-error" errors={errors.password} />
        </div>
        <fieldset className="form">
          <legend>{t("firstGrant")}</legend>
          <GrantFields idPrefix="new" units={units} roles={roles} bodies={bodies} errors={errors} values={values} />
        </fieldset>
      </Fragment>
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("creating") : t("create")}
      </button>
    </form>
  );
}
