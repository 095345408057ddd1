import "server-only";
import { getSqlite } from "@/db";
import { likeEscape, scopeSql } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";

export type PersonMatch = { id: number; nameHi: string; nameEn: string; mobile: string | null; post: string | null };

/**
 * People the viewer may pick for a post: their home or a post lies inside the viewer's grants.
 * Names by substring, mobiles by digits. (The full search, cross-script and phonetic, is search's job.)
 */
export function lookupPeople(viewer: Viewer, rawQuery: string, limit = 8): PersonMatch[] {
  const q = rawQuery.normalize("NFC").replace(/[\u200B-\u200D\uFEFF]/g, "").trim().slice(0, 60);
  const digits = q.replace(/\D/g, "");
  const isNumber = /^[\d\s+-]+$/.test(q);
  if (isNumber ? digits.length < 3 : q.length < 2) return [];
  const home = scopeSql("h", viewer.grants);
  const held = scopeSql("u", viewer.grants);
  const match = isNumber ? "p.mobile like ? escape '\\'" : "(p.name_hi like ? escape '\\' or p.name_en like ? escape '\\')";
  const matchParams = isNumber ? [`%${likeEscape(digits)}%`] : [`%${likeEscape(q)}%`, `%${likeEscape(q)}%`];
  const sql = `
    select p.id, p.name_hi as nameHi, p.name_en as nameEn, p.mobile,
      (select po.title_hi || ', ' || cu.name_hi from tenures ct join posts po on po.id = ct.post_id join units cu on cu.id = ct.unit_id
        where ct.person_id = p.id and ct.end_date is null limit 1) as post
    from people p
    where ${match}
      and (exists (select 1 from units h where h.id = p.home_unit_id and ${home.sql})
        or exists (select 1 from tenures t join units u on u.id = t.unit_id where t.person_id = p.id and ${held.sql}))
    order by length(p.name_en), p.id
    limit ?`;
  return getSqlite()
    .prepare(sql)
    .all(...matchParams, ...home.params, ...held.params, limit) as PersonMatch[];
}
