"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setAccountDisabled } from "@/lib/actions/accounts";
import { FormSubmit } from "@/components/ui/form-feedback";

export function AccountStatusForm({ accountId, disabled }: { accountId: number; disabled: boolean }) {
  const t = useTranslations("admin.form");
  const [state, action, pending] = useActionState(setAccountDisabled, undefined);
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      {disabled ? null : <p className="muted small">{t("disableHint")}</p>}
      <FormSubmit state={state} pending={pending} label={disabled ? t("enable") : t("disable")} pendingLabel={t("saving")} />
    </form>
  );
}
