import "server-only";
import { query } from "@/db";
import { isRowId } from "./guard";
import { personEditable, personVisibleInFull, type PersonPlaces } from "./predicates";
import type { Viewer } from "./session";

const homePath = query<[number], { homePath: string | null }>(
  "select h.path as \"homePath\" from people p left join units h on h.id = p.home_unit_id where p.id = ?",
);
const postPaths = query<[number], { path: string; bodyId: number; current: number }>(
  `select u.path, po.body_id as "bodyId", case when t.end_date is null then 1 else 0 end as current
   from tenures t join units u on u.id = t.unit_id join posts po on po.id = t.post_id where t.person_id = ?`,
);

/** The person's home and posts (now and before), or null for an unknown person. */
export async function personPlaces(personId: number): Promise<PersonPlaces | null> {
  if (!isRowId(personId)) return null;
  const person = await homePath().get(personId);
  if (!person) return null;
  return { homePath: person.homePath, posts: (await postPaths().all(personId)).map((p) => ({ path: p.path, bodyId: p.bodyId, current: p.current === 1 })) };
}

/** A person the viewer may see in full: home or any post (now or before) inside their grants. */
export async function personInScope(viewer: Viewer, personId: number): Promise<boolean> {
  const places = await personPlaces(personId);
  return places !== null && personVisibleInFull(viewer.grants, places);
}

/** Editors may correct a person whose home they edit, or who holds a current post they edit. */
export async function canEditPerson(viewer: Viewer, personId: number): Promise<boolean> {
  const places = await personPlaces(personId);
  return places !== null && personEditable(viewer.grants, places);
}
