"use client";

import { Fragment, useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage, fieldErrors, keptValues } from "@/components/ui/form-feedback";
import { createDriveAction } from "@/lib/actions/drives";

type Option = { value: string; label: string };

/** A new drive: a plain form posting to a server action, so it works before the page hydrates. */
export function NewDriveForm({ unitId, posts, levels, minDate }: { unitId: number; posts: Array<{ group: string; options: Option[] }>; levels: Option[]; minDate: string }) {
  const t = useTranslations("drives.form");
  const [state, formAction, pending] = useActionState(createDriveAction, undefined);
  const errors = fieldErrors(state);
  const values = keptValues(state);
  return (
    <form action={formAction} className="form" noValidate id="new-drive">
      <input type="hidden" name="unitId" value={unitId} />
      <Field id="drive-name" name="name" label={t("name")} hint={t("nameHint")} defaultValue={values.name} maxLength={200} errors={errors.name} />
      {/* Remounted with what was sent after a refusal: a <select>'s defaultValue is read only when it
          mounts, and React resets the form after the action, so the choices would fall back to the first. */}
      <Fragment key={JSON.stringify([values.kind, values.postId, values.level])}>
        <SelectField id="drive-kind" name="kind" label={t("kind")} defaultValue={values.kind ?? "post"} errors={errors.kind}>
          <option value="post">{t("kindPost")}</option>
          <option value="whatsapp">{t("kindWhatsapp")}</option>
          <option value="meeting">{t("kindMeeting")}</option>
        </SelectField>
        <SelectField id="drive-post" name="postId" label={t("post")} hint={t("postHint")} defaultValue={values.postId ?? ""} errors={errors.postId}>
          <option value="">{t("choose")}</option>
          {posts.map((g) => (
            <optgroup key={g.group} label={g.group}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField id="drive-level" name="level" label={t("level")} hint={t("levelHint")} defaultValue={values.level ?? ""} errors={errors.level}>
          <option value="">{t("choose")}</option>
          {levels.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      </Fragment>
      <Field id="drive-since" name="since" type="date" label={t("since")} hint={t("sinceHint")} defaultValue={values.since} errors={errors.since} />
      <Field id="drive-deadline" name="deadline" type="date" label={t("deadline")} min={minDate} defaultValue={values.deadline} errors={errors.deadline} />
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </button>
    </form>
  );
}
