import { z } from "zod";
import { MAX_ROW_ID } from "@/lib/validation/row-id";

/** A calendar date typed as YYYY-MM-DD that really exists (no 2024-02-31). */
export const isoDateSchema = z
  .string()
  .trim()
  .pipe(z.iso.date({ error: "date", abort: true }))
  .refine((s) => s >= "1950-01-01" && s <= "2100-12-31", "date");

const id = z.coerce.number().int().positive().max(MAX_ROW_ID);
const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), id.nullable());

// Zero-width, control and unpaired surrogate characters are stripped (tabs and line breaks become
// spaces); names keep Devanagari, Latin, spaces, . - ' and need at least one letter.
export const cleanText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").replace(/[\u0000-\u0008\u000E-\u001F\u007F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF\p{Cs}]/gu, "").replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, "too_long"));

export const personNameHiSchema = cleanText(120).pipe(
  z.string().min(2, "required").regex(/^(?=.*\p{L})[\u0900-\u097F\s.'-]+$/u, "devanagari"),
);
export const personNameEnSchema = cleanText(120).pipe(z.string().min(2, "required").regex(/^(?=.*[A-Za-z])[A-Za-z\s.'-]+$/, "latin"));
const optionalText = (max: number) => cleanText(max).transform((s) => (s === "" ? null : s));

export const newPersonSchema = z.object({
  nameHi: personNameHiSchema,
  nameEn: personNameEnSchema,
  mobile: z.string().max(40, "too_long"),
  whatsapp: z.string().max(40, "too_long").optional().default(""),
  homeUnitId: optionalId,
});
export type NewPerson = z.infer<typeof newPersonSchema>;

export const assignSeatSchema = z.object({
  unitId: id,
  postId: id,
  seat: z.coerce.number().int().min(1).max(1000),
  // The tenure the form saw in the seat when it was opened (none: it was vacant).
  expectedTenureId: optionalId,
  personId: optionalId,
  startDate: isoDateSchema,
});
export type AssignSeat = z.infer<typeof assignSeatSchema>;

export const vacateSeatSchema = z.object({
  tenureId: id,
  endDate: isoDateSchema,
  reason: optionalText(300),
});
export type VacateSeat = z.infer<typeof vacateSeatSchema>;

export const updatePersonSchema = z.object({
  personId: id,
  version: z.coerce.number().int().min(1),
  nameHi: personNameHiSchema,
  nameEn: personNameEnSchema,
  mobile: z.string().max(40, "too_long"),
  whatsapp: z.string().max(40, "too_long").optional().default(""),
  homeUnitId: optionalId,
});
export type UpdatePerson = z.infer<typeof updatePersonSchema>;

const unitNameHi = cleanText(150).pipe(z.string().min(2, "required").regex(/^[\u0900-\u097F0-9\s.,()'/-]+$/, "devanagari"));
const unitNameEn = cleanText(150).pipe(z.string().min(2, "required").regex(/^[A-Za-z0-9\s.,()'/-]+$/, "latin"));
const unitCode = cleanText(20)
  .pipe(z.string().regex(/^[A-Za-z0-9/-]*$/, "code"))
  .transform((s) => (s === "" ? null : s));

export const addUnitSchema = z.object({ parentId: id, nameHi: unitNameHi, nameEn: unitNameEn, code: unitCode });
export type AddUnit = z.infer<typeof addUnitSchema>;

export const renameUnitSchema = z.object({ unitId: id, nameHi: unitNameHi, nameEn: unitNameEn, code: unitCode });
export type RenameUnit = z.infer<typeof renameUnitSchema>;

export const moveUnitSchema = z.object({ unitId: id, newParentId: id });
export type MoveUnit = z.infer<typeof moveUnitSchema>;

// Only WhatsApp's own invite links: nothing that could send members elsewhere.
export const whatsappLinkSchema = z.object({
  unitId: id,
  url: z
    .string()
    .trim()
    .max(200, "too_long")
    .refine((s) => s === "" || /^https:\/\/chat\.whatsapp\.com\/[A-Za-z0-9]{10,40}$/.test(s), "whatsapp_link")
    .transform((s) => (s === "" ? null : s)),
});
export type WhatsappLink = z.infer<typeof whatsappLinkSchema>;
