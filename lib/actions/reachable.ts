"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { MAX_ROW_ID } from "@/lib/validation/row-id";
import { requireViewer } from "@/lib/auth/session";
import { setReachableBelow } from "@/lib/roster/reachable";
import { codeTexts, runAction } from "./pipeline";

const back = z.string().regex(/^\/units\/\d+\/seats\/\d+\/\d+$/);
const schema = z.object({
  tenureId: z.coerce.number().int().positive().max(MAX_ROW_ID),
  reachable: z.enum(["1", "0"]),
  back,
});

/** A plain form post (works before the page's JavaScript arrives); answers by redirecting back. */
export async function setReachableAction(formData: FormData): Promise<void> {
  const viewer = await requireViewer();
  const outcome = await runAction(
    {
      name: "tenure.reachable",
      schema,
      texts: codeTexts,
      keep: [],
      run: async (input) => setReachableBelow(viewer, input.tenureId, input.reachable === "1"),
    },
    formData,
  );
  const to = back.safeParse(formData.get("back"));
  if (!to.success) redirect("/");
  if (!outcome.ok) redirect(`${to.data}?${outcome.code === "denied" ? "denied" : "failed"}=1`);
  redirect(`${to.data}?reachable=${outcome.input.reachable}`);
}
