"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { Denied } from "@/lib/auth/guard";
import { requireViewer } from "@/lib/auth/session";
import { addUnit, moveUnit, renameUnit, setWhatsappLink, type StructureResult } from "@/lib/structure/service";
import { addUnitSchema, moveUnitSchema, renameUnitSchema, whatsappLinkSchema } from "@/lib/validation/roster";
import type { FormState } from "./result";

const KNOWN = new Set(["required", "too_long", "devanagari", "latin", "code", "whatsapp_link", "no_child_level", "not_movable", "wrong_level", "same_parent"]);

type Service<I> = (viewer: Awaited<ReturnType<typeof requireViewer>>, input: I) => StructureResult<{ unitId: number }>;

/** Parse, check, write, then go back to the unit page; refusals come back as messages. */
async function run<S extends z.ZodType>(schema: S, service: Service<z.infer<S>>, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const t = await getTranslations("structure");
  const raw = Object.fromEntries(formData);
  const values = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string").map(([k, v]) => [k, v.slice(0, 300)]));
  const toMessages = (fields: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(fields).map(([f, codes]) => [f, codes.map((c) => t(`errors.${KNOWN.has(c) ? c : "invalid"}` as "errors.invalid"))]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, errors: toMessages(fields), message: t("failed"), values };
  }
  let result;
  try {
    result = service(viewer, parsed.data);
  } catch (error) {
    if (error instanceof Denied) return { ok: false, errors: {}, code: "denied", message: t("denied"), values };
    throw error;
  }
  if (!result.ok) return { ok: false, errors: toMessages(result.fields), message: t("failed"), values };
  revalidatePath("/units/[id]", "page");
  redirect(`/units/${result.data.unitId}?saved=1`);
}

export async function addUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(addUnitSchema, addUnit, formData);
}

export async function renameUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(renameUnitSchema, renameUnit, formData);
}

export async function setWhatsappLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(whatsappLinkSchema, setWhatsappLink, formData);
}

export async function moveUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(moveUnitSchema, moveUnit, formData);
}
