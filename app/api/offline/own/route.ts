import { NextResponse } from "next/server";
import { getOfflineKey, getViewer } from "@/lib/auth/session";
import { ownUnitPages } from "@/lib/data/offline";

// The pages the offline worker saves after a login (lib/offline/sw.ts), for this session's key.
export async function GET() {
  const [viewer, key] = await Promise.all([getViewer(), getOfflineKey()]);
  if (!viewer || !key) return NextResponse.json({ key: null, urls: [] }, { status: 401, headers: { "cache-control": "private, no-store" } });
  return NextResponse.json({ key, urls: await ownUnitPages(viewer) }, { headers: { "cache-control": "private, no-store" } });
}
