import "server-only";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getMeeting } from "@/lib/meetings/data";
import { isRowIdText } from "@/lib/validation/row-id";

/** The meeting the URL names, as the viewer may see it; anything else (unknown, out of scope) is "not found". */
export async function loadMeeting(params: Promise<{ id: string }>) {
  const viewer = await requireViewer();
  const raw = (await params).id;
  const meeting = isRowIdText(raw) ? await getMeeting(viewer, Number(raw)) : null;
  if (!meeting) notFound();
  return { viewer, meeting };
}
