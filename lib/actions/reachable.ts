"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { Denied } from "@/lib/auth/guard";
import { requireViewer } from "@/lib/auth/session";
import { setReachableBelow } from "@/lib/roster/reachable";

const schema = z.object({
  tenureId: z.coerce.number().int().positive(),
  reachable: z.enum(["1", "0"]),
  back: z.string().regex(/^\/units\/\d+\/seats\/\d+\/\d+$/),
});

/** A plain form post (works before the page's JavaScript arrives); answers by redirecting back. */
export async function setReachableAction(formData: FormData): Promise<void> {
  const viewer = await requireViewer();
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/");
  try {
    setReachableBelow(viewer, parsed.data.tenureId, parsed.data.reachable === "1");
  } catch (error) {
    if (error instanceof Denied) redirect(`${parsed.data.back}?denied=1`);
    throw error;
  }
  redirect(`${parsed.data.back}?reachable=${parsed.data.reachable}`);
}
