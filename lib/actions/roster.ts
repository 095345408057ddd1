"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/session";
import { assignSeat, checkVacate, updatePerson, vacateSeat, type RosterError } from "@/lib/roster/service";
import { assignSeatSchema, newPersonSchema, updatePersonSchema, vacateSeatSchema } from "@/lib/validation/roster";
import { driveReturnPath, withSavedFlag } from "@/lib/drives/return-path";
import { knownOr, runAction, zodFields, type Failure, type Refuse, type Texts } from "./pipeline";
import type { FormState } from "./result";

const KNOWN = new Set([
  "required", "too_long", "devanagari", "latin", "mobile_invalid", "date", "person_required", "already_holds",
  "before_current_start", "before_start", "post_not_here", "home_outside",
]);

// What a refused form shows again: what was typed, never more.
const KEEP = ["nameHi", "nameEn", "mobile", "whatsapp", "homeUnitId", "startDate", "endDate", "reason"];

async function texts(): Promise<Texts> {
  const t = await getTranslations("roster");
  return { field: (code) => t(`errors.${knownOr(KNOWN, code)}` as "errors.invalid"), check: t("failed"), denied: t("denied"), failed: t("failed") };
}

async function fromServiceError(refuse: Refuse, error: RosterError): Promise<Failure> {
  const [t, ta] = await Promise.all([getTranslations("roster"), getTranslations("access")]);
  switch (error.code) {
    case "invalid":
      return refuse.fields(error.fields);
    case "conflict":
      return refuse.with(error.current ? t("conflict", { name: `${error.current.nameHi} (${error.current.nameEn})` }) : t("conflictVacant"), {
        code: "conflict",
        detail: error.current,
      });
    case "stale":
      return refuse.with(t("stale"), { code: "stale" });
    case "number_unusable":
    case "number_limit": {
      // One text whatever the number's holder: see lib/access/oracle.ts.
      const message = error.code === "number_unusable" ? ta("numberUnusable") : ta("limitReached");
      return refuse.with(message, { code: error.code, errors: { mobile: [message] } });
    }
    case "duplicate_mobile": {
      const message = error.existing ? t("duplicateMobile", { name: `${error.existing.nameHi} (${error.existing.nameEn})` }) : t("duplicateMobileHidden");
      return refuse.with(message, { code: "duplicate_mobile", detail: error.existing, errors: { [error.field]: [message] } });
    }
  }
}

// A change that removes someone from a post asks first: the form comes back with code "confirm" and
// is sent again with confirmed=1. Checked here, on the server, so no form can skip the question.
const confirmed = { confirmed: z.literal("1").optional().catch(undefined) };
const asks = (refuse: Refuse): Failure => refuse.with("", { code: "confirm" });

const assignInput = assignSeatSchema.extend({ ...confirmed, mode: z.enum(["pick", "new"]).optional().catch(undefined) });

export async function assignSeatAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const outcome = await runAction(
    {
      name: "roster.assign",
      schema: assignInput,
      texts,
      keep: KEEP,
      run: async (input, refuse) => {
        let newPerson = null;
        if (input.personId === null && input.mode === "new") {
          const p = newPersonSchema.safeParse(Object.fromEntries(formData));
          if (!p.success) return refuse.fields(zodFields(p.error));
          newPerson = p.data;
        }
        if (input.expectedTenureId !== null && input.confirmed !== "1") return asks(refuse);
        const result = await assignSeat(viewer, input, newPerson);
        return result.ok ? result.data : fromServiceError(refuse, result);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  const unitId = outcome.input.unitId;
  revalidatePath(`/units/${unitId}`);
  // Opened from a drive ("भरें"): back to the drive's page, only ever a drive's page on this site.
  const back = driveReturnPath(formData.get("back"));
  if (back) {
    revalidatePath("/drives/[id]", "page");
    redirect(withSavedFlag(back));
  }
  redirect(`/units/${unitId}?saved=1`);
}

export async function vacateSeatAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const outcome = await runAction(
    {
      name: "roster.vacate",
      schema: vacateSeatSchema.extend(confirmed),
      texts,
      keep: KEEP,
      run: async (input, refuse) => {
        if (input.confirmed !== "1") {
          // Asked only while the holder the page showed still holds the seat; else told what changed.
          const check = await checkVacate(viewer, input);
          return check.ok ? asks(refuse) : fromServiceError(refuse, check);
        }
        const result = await vacateSeat(viewer, input);
        return result.ok ? result.data : fromServiceError(refuse, result);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  revalidatePath(`/units/${outcome.value.unitId}`);
  redirect(`/units/${outcome.value.unitId}?saved=1`);
}

// The person form may come from a seat page ("नंबर या नाम सुधारें") and go back there.
const back = { back: z.string().regex(/^\/units\/\d+\/seats\/\d+\/\d+$/).optional().catch(undefined) };

export async function updatePersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const outcome = await runAction(
    {
      name: "roster.updatePerson",
      schema: updatePersonSchema.extend(back),
      texts,
      keep: KEEP,
      run: async (input, refuse) => {
        const result = await updatePerson(viewer, input);
        return result.ok ? result.data : fromServiceError(refuse, result);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  revalidatePath(`/people/${outcome.value.personId}`);
  if (outcome.input.back) {
    revalidatePath(outcome.input.back);
    redirect(`${outcome.input.back}?saved=1`);
  }
  redirect(`/people/${outcome.value.personId}?saved=1`);
}
