import "server-only";
import { cache } from "react";
import { query } from "@/db";

export type BodyOption = { id: number; nameHi: string; nameEn: string };
export type TitleOption = { key: string; titleHi: string; titleEn: string };

const bodies = query<[], BodyOption>("select id, name_hi as \"nameHi\", name_en as \"nameEn\" from bodies order by sort");
const titles = query<[], TitleOption>(
  "select title_key as key, min(title_hi) as \"titleHi\", min(title_en) as \"titleEn\" from posts group by title_key order by min(sort), title_key",
);

/** The bodies (the organisation, cells, morchas): public catalogue data, no personal data. Read once per request. */
export const listBodies = cache((): Promise<BodyOption[]> => bodies().all());

export function listTitles(): Promise<TitleOption[]> {
  return titles().all();
}
