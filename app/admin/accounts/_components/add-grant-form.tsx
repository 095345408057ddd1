"use client";

import { Fragment, useActionState } from "react";
import { useTranslations } from "next-intl";
import { addGrant } from "@/lib/actions/accounts";
import { FormSubmit, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import { GrantFields, type Option } from "./grant-fields";

export function AddGrantForm({ accountId, units, roles, bodies }: { accountId: number; units: Option[]; roles: Option[]; bodies: Option[] }) {
  const t = useTranslations("admin.form");
  const [state, action, pending] = useActionState(addGrant, undefined);
  const values = keptValues(state);
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      {/* Remounted with what was typed after a refusal: selects otherwise reset to their first value. */}
      <Fragment key={JSON.stringify(values)}>
        <GrantFields idPrefix="add" units={units} roles={roles} bodies={bodies} errors={fieldErrors(state)} values={values} />
      </Fragment>
      <FormSubmit state={state} pending={pending} label={t("add")} pendingLabel={t("adding")} />
    </form>
  );
}
