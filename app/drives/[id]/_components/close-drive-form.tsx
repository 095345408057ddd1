"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-feedback";
import { closeDriveAction } from "@/lib/actions/drives";

/** Closing a drive, folded in a native <details> so it works before hydration and is never one stray tap. */
export function CloseDriveForm({ driveId }: { driveId: number }) {
  const t = useTranslations("drives");
  const [state, formAction, pending] = useActionState(closeDriveAction, undefined);
  return (
    <details className="drive-close">
      <summary>{t("closeTitle")}</summary>
      <form action={formAction} className="form">
        <input type="hidden" name="driveId" value={driveId} />
        <p className="muted small">{t("closeNote")}</p>
        <FormMessage state={state} />
        <button type="submit" className="button button-secondary" disabled={pending}>
          {pending ? t("closing") : t("close")}
        </button>
      </form>
    </details>
  );
}
