import { z } from "zod";
import { LEVELS } from "@/lib/tree";
import { cleanText, isoDateSchema } from "./roster";
import { MAX_ROW_ID } from "@/lib/validation/row-id";

const id = z.coerce.number().int().positive().max(MAX_ROW_ID);
const blankAsNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/**
 * A new drive as the form sends it. Which of post, level and since a kind needs, and whether they
 * fit the unit, is the service's to check (it knows the unit and the catalogue).
 */
export const createDriveSchema = z.object({
  unitId: id,
  name: cleanText(120).pipe(z.string().min(2, "required")),
  kind: z.enum(["post", "whatsapp", "meeting"], { error: "kind" }),
  deadline: isoDateSchema,
  postId: z.preprocess(blankAsNull, id.nullable()),
  level: z.preprocess(blankAsNull, z.enum(LEVELS, { error: "level_below" }).nullable()),
  since: z.preprocess(blankAsNull, isoDateSchema.nullable()),
});
export type CreateDrive = z.infer<typeof createDriveSchema>;

export const closeDriveSchema = z.object({ driveId: id });
export type CloseDrive = z.infer<typeof closeDriveSchema>;
