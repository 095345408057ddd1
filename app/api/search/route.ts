import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { search } from "@/lib/search/search";

// The header's type-ahead: a few people and units, only inside the caller's grants.
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.json({ error: "unauthorised" }, { status: 401 });
  const q = request.nextUrl.searchParams.get("q") ?? "";
  const result = await search(viewer, q, {}, 6);
  return NextResponse.json(
    {
      tooShort: result.tooShort,
      people: result.people.map((p) => ({
        id: p.id,
        nameHi: p.nameHi,
        nameEn: p.nameEn,
        // The wing names the post: "आईटी सेल संयोजक, जहानाबाद", not just "संयोजक".
        post: p.posts[0]
          ? {
              titleHi: `${p.posts[0].bodyHi} ${p.posts[0].titleHi}`,
              titleEn: `${p.posts[0].bodyEn} ${p.posts[0].titleEn}`,
              unitHi: p.posts[0].unitHi,
              unitEn: p.posts[0].unitEn,
            }
          : null,
      })),
      units: result.units.slice(0, 4).map((u) => ({ id: u.id, level: u.level, nameHi: u.nameHi, nameEn: u.nameEn })),
    },
    { headers: { "cache-control": "private, no-store" } },
  );
}
