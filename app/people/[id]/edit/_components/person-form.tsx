"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { PersonFields } from "@/components/person-fields";
import { FormSubmit, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import { updatePersonAction } from "@/lib/actions/roster";
import type { PersonForEdit } from "@/lib/data/people";

export function PersonForm({
  person,
  homeChoices,
  back,
}: {
  person: Omit<PersonForEdit, "homeChoices">;
  homeChoices: Array<{ id: number; label: string }>;
  /** The seat page this correction started from, to go back to after saving. */
  back?: string;
}) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(updatePersonAction, undefined);
  const errors = fieldErrors(state);
  const values = keptValues(state);
  const national = (e164: string | null) => (e164 ? e164.replace(/^\+91/, "") : "");
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="personId" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      {back ? <input type="hidden" name="back" value={back} /> : null}
      <PersonFields
        values={{
          nameHi: values.nameHi ?? person.nameHi,
          nameEn: values.nameEn ?? person.nameEn,
          mobile: values.mobile ?? national(person.mobile),
          whatsapp: values.whatsapp ?? (person.whatsapp === person.mobile ? "" : national(person.whatsapp)),
          homeUnitId: values.homeUnitId ?? person.homeUnitId ?? "",
        }}
        errors={errors}
        homeChoices={homeChoices}
      />
      <FormSubmit state={state} pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
