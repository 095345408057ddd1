"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "./form-feedback";

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
  const describedBy = (name: string, hint?: boolean) =>
    [hint ? id(`${name}-hint`) : null, errors[name] ? id(`${name}-error`) : null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <div className="field">
        <label htmlFor={id("unit")}>{t("unit")}</label>
        <select
          id={id("unit")}
          name="unitId"
          defaultValue={values.unitId ?? ""}
          aria-invalid={errors.unitId ? true : undefined}
          aria-describedby={describedBy("unitId")}
        >
          <option value="">{t("chooseUnit")}</option>
          {units.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
        <FieldError id={id("unitId-error")} errors={errors.unitId} />
      </div>
      <div className="field">
        <label htmlFor={id("role")}>{t("role")}</label>
        <select
          id={id("role")}
          name="role"
          defaultValue={values.role ?? "viewer"}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={describedBy("role", true)}
        >
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <p id={id("role-hint")} className="muted small">
          {t("roleHint")}
        </p>
        <FieldError id={id("role-error")} errors={errors.role} />
      </div>
      <div className="field">
        <label htmlFor={id("body")}>{t("body")}</label>
        <select
          id={id("body")}
          name="bodyId"
          defaultValue={values.bodyId ?? ""}
          aria-invalid={errors.bodyId ? true : undefined}
          aria-describedby={describedBy("bodyId")}
        >
          <option value="">{t("anyBody")}</option>
          {bodies.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </select>
        <FieldError id={id("bodyId-error")} errors={errors.bodyId} />
      </div>
    </>
  );
}
