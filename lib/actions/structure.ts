"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { requireViewer } from "@/lib/auth/session";
import { addUnit, moveUnit, renameUnit, setWhatsappLink, type StructureResult } from "@/lib/structure/service";
import { addUnitSchema, moveUnitSchema, renameUnitSchema, whatsappLinkSchema } from "@/lib/validation/roster";
import { knownOr, runAction, type Texts } from "./pipeline";
import type { FormState } from "./result";

const KNOWN = new Set(["required", "too_long", "devanagari", "latin", "code", "whatsapp_link", "no_child_level", "not_movable", "wrong_level", "same_parent"]);
const KEEP = ["nameHi", "nameEn", "code", "url", "newParentId"];

type Service<I> = (viewer: Awaited<ReturnType<typeof requireViewer>>, input: I) => Promise<StructureResult<{ unitId: number }>>;

async function texts(): Promise<Texts> {
  const t = await getTranslations("structure");
  return { field: (code) => t(`errors.${knownOr(KNOWN, code)}` as "errors.invalid"), check: t("failed"), denied: t("denied"), failed: t("failed") };
}

/** Parse, check, write, then go back to the unit page; refusals come back as messages. */
async function run<S extends z.ZodType>(name: string, schema: S, service: Service<z.infer<S>>, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const outcome = await runAction(
    {
      name,
      schema: schema as z.ZodType<z.infer<S>>,
      texts,
      keep: KEEP,
      run: async (input, refuse) => {
        const result = await service(viewer, input);
        return result.ok ? result.data : refuse.fields(result.fields);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  revalidatePath("/units/[id]", "page");
  redirect(`/units/${outcome.value.unitId}?saved=1`);
}

export async function addUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run("structure.addUnit", addUnitSchema, addUnit, formData);
}

export async function renameUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run("structure.rename", renameUnitSchema, renameUnit, formData);
}

export async function setWhatsappLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run("structure.whatsapp", whatsappLinkSchema, setWhatsappLink, formData);
}

export async function moveUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run("structure.move", moveUnitSchema, moveUnit, formData);
}
