"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { acceptRequest, declineRequest, type DecideResult } from "@/lib/access/requests";
import { requireViewer, type Viewer } from "@/lib/auth/session";
import { acceptRequestSchema, declineRequestSchema } from "@/lib/validation/access";
import { codeTexts, runAction } from "./pipeline";

/**
 * Plain form posts from /admin/requests (they work before JavaScript loads): each answers by
 * redirecting back with the outcome, which the page shows in the admin's language.
 */
async function decide<I>(name: string, schema: z.ZodType<I>, formData: FormData, run: (viewer: Viewer, input: I) => Promise<DecideResult>, done: "accepted" | "declined"): Promise<never> {
  const viewer = await requireViewer();
  const outcome = await runAction(
    {
      name,
      schema,
      texts: codeTexts,
      keep: [],
      run: async (input, refuse) => {
        const result = await run(viewer, input);
        if (result.ok) return result;
        return refuse.with("", { code: result.code === "decided" || result.code === "conflict" ? result.code : "failed" });
      },
    },
    formData,
  );
  if (outcome.ok) revalidatePath(`/units/${outcome.value.unitId}`);
  redirect(`/admin/requests?done=${outcome.ok ? done : (outcome.code ?? "failed")}`);
}

export async function acceptRequestAction(formData: FormData): Promise<void> {
  await decide("access.accept", acceptRequestSchema, formData, acceptRequest, "accepted");
}

export async function declineRequestAction(formData: FormData): Promise<void> {
  await decide("access.decline", declineRequestSchema, formData, (viewer, input) => declineRequest(viewer, input.requestId), "declined");
}
