"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";

export type Option = { value: string; label: string };

/** Unit (picked by name: typing its first letters in the list jumps to it), role and optional body of a grant. */
export function GrantFields({
  idPrefix,
  units,
  roles,
  bodies,
  errors,
  values,
}: {
  idPrefix: string;
  units: Option[];
  roles: Option[];
  bodies: Option[];
  errors: Record<string, string[]>;
  values: Record<string, string>;
}) {
  const t = useTranslations("admin.form");
  const id = (name: string) => `${idPrefix}-${name}`;
  const options = (list: Option[]) =>
    list.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <>
      <SelectField id={id("unit")} name="unitId" errorId={id("unitId-error")} label={t("unit")} defaultValue={values.unitId ?? ""} errors={errors.unitId}>
        <option value="">{t("chooseUnit")}</option>
        {options(units)}
      </SelectField>
      <SelectField id={id("role")} name="role" label={t("role")} hint={t("roleHint")} defaultValue={values.role ?? "viewer"} errors={errors.role}>
        {options(roles)}
      </SelectField>
      <SelectField id={id("body")} name="bodyId" errorId={id("bodyId-error")} label={t("body")} defaultValue={values.bodyId ?? ""} errors={errors.bodyId}>
        <option value="">{t("anyBody")}</option>
        {options(bodies)}
      </SelectField>
    </>
  );
}
