import { z } from "zod";
import { isoDateSchema } from "./roster";
import { MAX_ROW_ID } from "@/lib/validation/row-id";

const id = z.coerce.number().int().positive().max(MAX_ROW_ID);
const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), id.nullable());

export const acceptRequestSchema = z.object({
  requestId: id,
  // The seat's holder when the admin opened the page (none: vacant): compare-and-set on the seat.
  expectedTenureId: optionalId,
  seat: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().min(1).max(1000).nullable()),
  startDate: isoDateSchema,
});

export const declineRequestSchema = z.object({ requestId: id });
