import { z } from "zod";
import { MAX_ROW_ID } from "./row-id";
import { LEVELS } from "@/db/schema";
import { FORMATS } from "@/lib/export/formats";

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const exportQuerySchema = z.object({
  unit: z.coerce.number().int().positive().max(MAX_ROW_ID),
  format: z.enum(FORMATS).default("csv"),
  level: z.preprocess(emptyToUndefined, z.enum(LEVELS).optional()),
  body: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().max(MAX_ROW_ID).optional()),
  title: z.preprocess(emptyToUndefined, z.string().regex(/^[a-z_]{2,40}$/).optional()),
  vacant: z.preprocess((v) => v === "1" || v === "on" || v === "true", z.boolean()),
  // "all": every seat, vacant ones as rows with an empty name: the sheet to fill in and upload.
  seats: z.enum(["all"]).optional().catch(undefined),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
