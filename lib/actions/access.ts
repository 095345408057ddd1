"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { acceptRequest, declineRequest, type DecideResult } from "@/lib/access/requests";
import { Denied } from "@/lib/auth/guard";
import { requireViewer } from "@/lib/auth/session";
import { acceptRequestSchema, declineRequestSchema } from "@/lib/validation/access";

/**
 * Plain form posts from /admin/requests (they work before JavaScript loads): each answers by
 * redirecting back with the outcome, which the page shows in the admin's language.
 */
function outcome(result: DecideResult, done: "accepted" | "declined"): string {
  if (result.ok) return done;
  if (result.code === "decided") return "decided";
  if (result.code === "conflict") return "conflict";
  return "failed";
}

async function decide(run: () => DecideResult, done: "accepted" | "declined"): Promise<never> {
  let answer: string;
  try {
    const result = run();
    answer = outcome(result, done);
    if (result.ok) revalidatePath(`/units/${result.unitId}`);
  } catch (error) {
    if (!(error instanceof Denied)) throw error;
    answer = "denied";
  }
  redirect(`/admin/requests?done=${answer}`);
}

export async function acceptRequestAction(formData: FormData): Promise<void> {
  const viewer = await requireViewer();
  const parsed = acceptRequestSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin/requests?done=failed");
  await decide(() => acceptRequest(viewer, parsed.data), "accepted");
}

export async function declineRequestAction(formData: FormData): Promise<void> {
  const viewer = await requireViewer();
  const parsed = declineRequestSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin/requests?done=failed");
  await decide(() => declineRequest(viewer, parsed.data.requestId), "declined");
}
