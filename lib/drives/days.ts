import { todayInIndia } from "@/lib/roster/dates";

/** Whole days from today (India) to the deadline: 0 on the day itself, negative once it has passed. */
export function daysLeft(deadline: string, today = todayInIndia()): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
