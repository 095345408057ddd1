import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { lookupPeople } from "@/lib/data/people-lookup";

// The person picker's type-ahead: only people inside the caller's grants.
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.json({ error: "unauthorised" }, { status: 401 });
  const q = request.nextUrl.searchParams.get("q") ?? "";
  return NextResponse.json({ people: await lookupPeople(viewer, q) }, { headers: { "cache-control": "private, no-store" } });
}
