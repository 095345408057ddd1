"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { removeGrant } from "@/lib/actions/accounts";
import { FormMessage } from "@/components/ui/form-feedback";

export type GrantItem = { id: number; label: string; removable: boolean; note: string | null };

/** An account's grants, each with its remove button; one form so the message outlives the removed row. */
export function GrantList({ grants, emptyText }: { grants: GrantItem[]; emptyText: string }) {
  const t = useTranslations("admin.form");
  const [state, action, pending] = useActionState(removeGrant, undefined);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      {grants.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <ul className="card-list">
          {grants.map((g) => (
            <li key={g.id} className="card">
              <p>{g.label}</p>
              {g.removable ? (
                <button
                  type="submit"
                  name="grantId"
                  value={g.id}
                  className="link-button"
                  disabled={pending}
                  aria-label={t("removeLabel", { grant: g.label })}
                >
                  {t("remove")}
                </button>
              ) : g.note ? (
                <p className="muted small">{g.note}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
