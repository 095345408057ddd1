import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { subtreePages } from "@/lib/data/offline";
import { isRowIdText } from "@/lib/validation/row-id";

// "Save for offline" on a unit page: the pages of its subtree, if the caller sees it in full.
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  const headers = { "cache-control": "private, no-store" };
  if (!viewer) return NextResponse.json({ error: "unauthorised" }, { status: 401, headers });
  const raw = request.nextUrl.searchParams.get("unit") ?? "";
  const pages = isRowIdText(raw) ? await subtreePages(viewer, Number(raw)) : null;
  if (!pages) return NextResponse.json({ error: "not found" }, { status: 404, headers });
  return NextResponse.json(pages, { headers });
}
