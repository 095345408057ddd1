"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { Denied } from "@/lib/auth/guard";
import { requireViewer } from "@/lib/auth/session";
import { assignSeat, updatePerson, vacateSeat, type RosterError } from "@/lib/roster/service";
import { assignSeatSchema, newPersonSchema, updatePersonSchema, vacateSeatSchema } from "@/lib/validation/roster";
import type { ActionResult, FormState } from "./result";

type T = Awaited<ReturnType<typeof getTranslations<"roster">>>;
type TA = Awaited<ReturnType<typeof getTranslations<"access">>>;

const KNOWN = new Set([
  "required", "too_long", "devanagari", "latin", "mobile_invalid", "date", "person_required", "already_holds",
  "before_current_start", "before_start", "post_not_here", "home_outside",
]);

function fieldMessages(t: T, fields: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fields).map(([field, codes]) => [field, codes.map((c) => t(`errors.${KNOWN.has(c) ? c : "invalid"}` as "errors.invalid"))]),
  );
}

function zodFields(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

function failure(t: T, fields: Record<string, string[]>): ActionResult {
  return { ok: false, errors: fieldMessages(t, fields), message: t("failed") };
}

function fromServiceError(t: T, ta: TA, error: RosterError): ActionResult {
  switch (error.code) {
    case "invalid":
      return failure(t, error.fields);
    case "conflict":
      return {
        ok: false,
        errors: {},
        code: "conflict",
        detail: error.current,
        message: error.current ? t("conflict", { name: `${error.current.nameHi} (${error.current.nameEn})` }) : t("conflictVacant"),
      };
    case "stale":
      return { ok: false, errors: {}, code: "stale", message: t("stale") };
    case "number_unusable":
    case "number_limit": {
      // One text whatever the number's holder: see lib/access/oracle.ts.
      const message = error.code === "number_unusable" ? ta("numberUnusable") : ta("limitReached");
      return { ok: false, errors: { mobile: [message] }, code: error.code, message };
    }
    case "duplicate_mobile": {
      const message = error.existing ? t("duplicateMobile", { name: `${error.existing.nameHi} (${error.existing.nameEn})` }) : t("duplicateMobileHidden");
      return { ok: false, errors: { [error.field]: [message] }, code: "duplicate_mobile", detail: error.existing, message };
    }
  }
}

function denied(t: T): ActionResult {
  return { ok: false, errors: {}, code: "denied", message: t("denied") };
}

const TYPED_FIELDS = ["nameHi", "nameEn", "mobile", "whatsapp", "homeUnitId", "startDate", "endDate", "reason"];

function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of TYPED_FIELDS) {
    const v = formData.get(key);
    if (typeof v === "string") values[key] = v.slice(0, 300);
  }
  return values;
}

function withValues(result: FormState, formData: FormData): FormState {
  return result && !result.ok ? { ...result, values: typedValues(formData) } : result;
}

export async function assignSeatAction(prev: FormState, formData: FormData): Promise<FormState> {
  return withValues(await assignSeat_(prev, formData), formData);
}

export async function vacateSeatAction(prev: FormState, formData: FormData): Promise<FormState> {
  return withValues(await vacateSeat_(prev, formData), formData);
}

export async function updatePersonAction(prev: FormState, formData: FormData): Promise<FormState> {
  return withValues(await updatePerson_(prev, formData), formData);
}

async function assignSeat_(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const t = await getTranslations("roster");
  const raw = Object.fromEntries(formData);
  const parsed = assignSeatSchema.safeParse(raw);
  if (!parsed.success) return failure(t, zodFields(parsed.error));
  let newPerson = null;
  if (parsed.data.personId === null && raw.mode === "new") {
    const p = newPersonSchema.safeParse(raw);
    if (!p.success) return failure(t, zodFields(p.error));
    newPerson = p.data;
  }
  let result;
  try {
    result = assignSeat(viewer, parsed.data, newPerson);
  } catch (error) {
    if (error instanceof Denied) return denied(t);
    throw error;
  }
  if (!result.ok) return fromServiceError(t, await getTranslations("access"), result);
  revalidatePath(`/units/${parsed.data.unitId}`);
  redirect(`/units/${parsed.data.unitId}?saved=1`);
}

async function vacateSeat_(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const t = await getTranslations("roster");
  const parsed = vacateSeatSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(t, zodFields(parsed.error));
  let result;
  try {
    result = vacateSeat(viewer, parsed.data);
  } catch (error) {
    if (error instanceof Denied) return denied(t);
    throw error;
  }
  if (!result.ok) return fromServiceError(t, await getTranslations("access"), result);
  revalidatePath(`/units/${result.data.unitId}`);
  redirect(`/units/${result.data.unitId}?saved=1`);
}

async function updatePerson_(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const t = await getTranslations("roster");
  const parsed = updatePersonSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(t, zodFields(parsed.error));
  let result;
  try {
    result = updatePerson(viewer, parsed.data);
  } catch (error) {
    if (error instanceof Denied) return denied(t);
    throw error;
  }
  if (!result.ok) return fromServiceError(t, await getTranslations("access"), result);
  revalidatePath(`/people/${parsed.data.personId}`);
  redirect(`/people/${parsed.data.personId}?saved=1`);
}
