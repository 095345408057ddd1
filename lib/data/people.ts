import "server-only";
import { cache } from "react";
import { query } from "@/db";
import type { Level } from "@/lib/tree";
import { unitVisibility } from "@/lib/auth/grants";
import { canEditPerson } from "@/lib/auth/person-access";
import { personVisibleInFull, visibleInFull } from "@/lib/auth/predicates";
import type { Viewer } from "@/lib/auth/session";
import { pathIds } from "@/lib/tree";

export type PersonTenure = {
  tenureId: number;
  unitId: number;
  unitLevel: Level;
  unitHi: string;
  unitEn: string;
  bodyHi: string;
  bodyEn: string;
  titleHi: string;
  titleEn: string;
  startDate: string;
  endDate: string | null;
  endKind: "replaced" | "vacated" | "corrected" | "imported" | null;
  endReason: string | null;
};

export type PersonPage = {
  person: {
    id: number;
    nameHi: string;
    nameEn: string;
    mobile: string | null;
    whatsapp: string | null;
    email: string | null;
  };
  home: { id: number; level: Level; nameHi: string; nameEn: string } | null;
  /** "above": the person holds a post above the viewer's grants; no contacts, current posts only. */
  visibility: "full" | "above";
  editable: boolean;
  current: PersonTenure[];
  past: PersonTenure[];
};

const personById = query<
  [number],
  { id: number; nameHi: string; nameEn: string; mobile: string | null; whatsapp: string | null; email: string | null; homeId: number | null; homeLevel: Level | null; homeHi: string | null; homeEn: string | null; homePath: string | null }
>(
  `select p.id, p.name_hi as "nameHi", p.name_en as "nameEn", p.mobile, p.whatsapp, p.email,
          h.id as "homeId", h.level as "homeLevel", h.name_hi as "homeHi", h.name_en as "homeEn", h.path as "homePath"
   from people p left join units h on h.id = p.home_unit_id where p.id = ?`,
);

const tenuresOf = query<[number], PersonTenure & { unitPath: string }>(
  `select t.id as "tenureId", u.id as "unitId", u.level as "unitLevel", u.name_hi as "unitHi", u.name_en as "unitEn", u.path as "unitPath",
          b.name_hi as "bodyHi", b.name_en as "bodyEn", p.title_hi as "titleHi", p.title_en as "titleEn",
          t.start_date as "startDate", t.end_date as "endDate", t.end_kind as "endKind", t.end_reason as "endReason"
   from tenures t
   join units u on u.id = t.unit_id
   join posts p on p.id = t.post_id
   join bodies b on b.id = p.body_id
   where t.person_id = ?
   order by t.end_date is not null, coalesce(t.end_date, t.start_date) desc, t.id desc`,
);

/**
 * A person as the viewer may see them: in full when their home or any post (now or before) lies
 * in a granted subtree; names and current posts only when they hold a post above the grants;
 * otherwise null (the page answers "not found").
 */
export const getPersonPage = cache(async function getPersonPage(viewer: Viewer, personId: number): Promise<PersonPage | null> {
  const row = await personById().get(personId);
  if (!row) return null;
  const tenures = await tenuresOf().all(personId);
  const full = personVisibleInFull(viewer.grants, {
    homePath: row.homePath,
    posts: tenures.map((t) => ({ path: t.unitPath })),
  });
  const strip = ({ unitPath, ...t }: PersonTenure & { unitPath: string }): PersonTenure => t;

  if (full) {
    return {
      person: { id: row.id, nameHi: row.nameHi, nameEn: row.nameEn, mobile: row.mobile, whatsapp: row.whatsapp, email: row.email },
      home: row.homeId === null ? null : { id: row.homeId, level: row.homeLevel!, nameHi: row.homeHi!, nameEn: row.homeEn! },
      visibility: "full",
      editable: await canEditPerson(viewer, personId),
      current: tenures.filter((t) => t.endDate === null).map(strip),
      past: tenures.filter((t) => t.endDate !== null).map(strip),
    };
  }
  const above = tenures.filter((t) => t.endDate === null && unitVisibility(viewer.grants, t.unitPath) === "above");
  if (above.length === 0) return null;
  return {
    person: { id: row.id, nameHi: row.nameHi, nameEn: row.nameEn, mobile: null, whatsapp: null, email: null },
    home: null,
    visibility: "above",
    editable: false,
    current: above.map(strip),
    past: [],
  };
});

export type PersonForEdit = {
  id: number;
  version: number;
  nameHi: string;
  nameEn: string;
  mobile: string | null;
  whatsapp: string | null;
  homeUnitId: number | null;
  homeChoices: Array<{ id: number; level: Level; nameHi: string; nameEn: string }>;
};

const personForEdit = query<[number], Omit<PersonForEdit, "homeChoices">>(
  `select id, version, name_hi as "nameHi", name_en as "nameEn", mobile, whatsapp, home_unit_id as "homeUnitId" from people where id = ?`,
);
const homeAndPostPaths = query<[number, number], { path: string }>(
  `select u.path from units u where u.id = (select home_unit_id from people where id = ?)
   union select u.path from tenures t join units u on u.id = t.unit_id where t.person_id = ? and t.end_date is null`,
);
const unitsByIds = query<[string], { id: number; level: Level; nameHi: string; nameEn: string; path: string }>(
  (d) => `select id, level, name_hi as "nameHi", name_en as "nameEn", path from units where id in (${d.jsonInts("?")}) order by length(path), id`,
);

/** A person the viewer may correct, with the home units they may choose, or null. */
export async function getPersonForEdit(viewer: Viewer, personId: number): Promise<PersonForEdit | null> {
  const person = await personForEdit().get(personId);
  if (!person || !(await canEditPerson(viewer, personId))) return null;
  // The units of their home and current posts, and those units' ancestors.
  const ids = new Set((await homeAndPostPaths().all(personId, personId)).flatMap((r) => pathIds(r.path)));
  const homeChoices = (await unitsByIds().all(JSON.stringify([...ids])))
    .filter((u) => visibleInFull(viewer.grants, u.path))
    .map(({ path, ...u }) => u);
  return { ...person, homeChoices };
}
