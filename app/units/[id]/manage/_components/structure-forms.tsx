"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Field, SelectField } from "@/components/ui/field";
import { FormSubmit, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import type { FormState } from "@/lib/actions/result";
import { addUnitAction, moveUnitAction, renameUnitAction, setWhatsappLinkAction } from "@/lib/actions/structure";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

function StructureForm({
  id,
  action,
  submit,
  children,
}: {
  id: string;
  action: Action;
  submit: string;
  children: (errors: Record<string, string[]>, values: Record<string, string>) => ReactNode;
}) {
  const t = useTranslations("structure");
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = fieldErrors(state);
  const values = keptValues(state);
  return (
    <form action={formAction} className="form" noValidate id={id}>
      {children(errors, values)}
      <FormSubmit state={state} pending={pending} label={submit} pendingLabel={t("saving")} />
    </form>
  );
}

function TextField({ form, name, label, defaultValue, errors, lang, hint }: { form: string; name: string; label: string; defaultValue?: string; errors: Record<string, string[]>; lang?: string; hint?: string }) {
  return <Field id={`${form}-${name}`} name={name} label={label} lang={lang} hint={hint} defaultValue={defaultValue} maxLength={200} errors={errors[name]} />;
}

export function RenameForm({ unit }: { unit: { id: number; nameHi: string; nameEn: string; code: string | null } }) {
  const t = useTranslations("structure");
  return (
    <StructureForm id="rename" action={renameUnitAction} submit={t("save")}>
      {(errors, values) => (
        <>
          <input type="hidden" name="unitId" value={unit.id} />
          <TextField form="rename" name="nameHi" lang="hi" label={t("nameHi")} defaultValue={values.nameHi ?? unit.nameHi} errors={errors} />
          <TextField form="rename" name="nameEn" lang="en" label={t("nameEn")} defaultValue={values.nameEn ?? unit.nameEn} errors={errors} />
          <TextField form="rename" name="code" label={t("code")} defaultValue={values.code ?? unit.code ?? ""} errors={errors} />
        </>
      )}
    </StructureForm>
  );
}

export function AddChildForm({ parentId }: { parentId: number }) {
  const t = useTranslations("structure");
  return (
    <StructureForm id="add" action={addUnitAction} submit={t("add")}>
      {(errors, values) => (
        <>
          <input type="hidden" name="parentId" value={parentId} />
          <TextField form="add" name="nameHi" lang="hi" label={t("nameHi")} defaultValue={values.nameHi} errors={errors} />
          <TextField form="add" name="nameEn" lang="en" label={t("nameEn")} defaultValue={values.nameEn} errors={errors} />
          <TextField form="add" name="code" label={t("code")} defaultValue={values.code} errors={errors} />
        </>
      )}
    </StructureForm>
  );
}

export function WhatsappForm({ unitId, url }: { unitId: number; url: string | null }) {
  const t = useTranslations("structure");
  return (
    <StructureForm id="whatsapp" action={setWhatsappLinkAction} submit={t("save")}>
      {(errors, values) => (
        <>
          <input type="hidden" name="unitId" value={unitId} />
          <TextField form="whatsapp" name="url" label={t("whatsappUrl")} hint={t("whatsappHint")} defaultValue={values.url ?? url ?? ""} errors={errors} />
        </>
      )}
    </StructureForm>
  );
}

export function MoveForm({ unitId, targets }: { unitId: number; targets: Array<{ id: number; label: string }> }) {
  const t = useTranslations("structure");
  return (
    <StructureForm id="move" action={moveUnitAction} submit={t("move")}>
      {(errors) => (
        <>
          <input type="hidden" name="unitId" value={unitId} />
          <SelectField id="move-newParentId" name="newParentId" label={t("moveTo")} hint={t("moveNote")} errors={errors.newParentId ?? errors.unitId}>
            {targets.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </StructureForm>
  );
}
