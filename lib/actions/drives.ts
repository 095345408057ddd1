"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/session";
import { closeDrive, createDrive } from "@/lib/drives/service";
import { closeDriveSchema, createDriveSchema } from "@/lib/validation/drives";
import { knownOr, runAction, type Texts } from "./pipeline";
import type { FormState } from "./result";

const KNOWN = new Set(["required", "too_long", "date", "kind", "level_below", "level_required", "post_required", "post_level", "since_required", "since_after_deadline", "deadline_past", "closed"]);
const KEEP = ["name", "kind", "deadline", "postId", "level", "since"];

async function texts(): Promise<Texts> {
  const t = await getTranslations("drives");
  return { field: (code) => t(`errors.${knownOr(KNOWN, code)}` as "errors.invalid"), check: t("check"), denied: t("denied"), failed: t("failed") };
}

/** A new drive for a unit the admin administers; then its page. */
export async function createDriveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const outcome = await runAction(
    {
      name: "drives.create",
      schema: createDriveSchema,
      texts,
      keep: KEEP,
      run: async (input, refuse) => {
        const result = await createDrive(viewer, input);
        return result.ok ? result.data : refuse.fields(result.fields);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  revalidatePath("/", "page");
  redirect(`/drives/${outcome.value.driveId}?saved=1`);
}

/** Closes a drive (admins of its unit); back to its page. */
export async function closeDriveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const outcome = await runAction(
    {
      name: "drives.close",
      schema: closeDriveSchema,
      texts,
      keep: [],
      run: async (input, refuse) => {
        const result = await closeDrive(viewer, input);
        return result.ok ? result.data : refuse.fields(result.fields);
      },
    },
    formData,
  );
  if (!outcome.ok) return outcome;
  revalidatePath("/", "page");
  redirect(`/drives/${outcome.value.driveId}`);
}
