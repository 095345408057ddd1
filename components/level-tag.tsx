import { needsLevelTag } from "@/lib/i18n/names";

/** A unit's level as a small badge, left out when the name already ends with it ("… दक्षिणी मंडल"). */
export function LevelTag({ name, label }: { name: string; label: string }) {
  return needsLevelTag(name, label) ? <span className="level-tag">{label}</span> : null;
}
