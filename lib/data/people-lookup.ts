import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { search } from "@/lib/search/search";

export type PersonMatch = { id: number; nameHi: string; nameEn: string; mobile: string | null; post: string | null };

/**
 * People the viewer may pick for a post: the search's people (cross-script, phonetic, mobile
 * digits, scope in its SQL), trimmed to what the picker shows. A LIKE '%…%' over people would
 * scan every row at state scale.
 */
export async function lookupPeople(viewer: Viewer, rawQuery: string, limit = 8): Promise<PersonMatch[]> {
  return (await search(viewer, rawQuery, {}, limit)).people.map((p) => ({
    id: p.id,
    nameHi: p.nameHi,
    nameEn: p.nameEn,
    mobile: p.mobile,
    post: p.posts[0] ? `${p.posts[0].titleHi}, ${p.posts[0].unitHi}` : null,
  }));
}
