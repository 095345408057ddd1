import { NextResponse } from "next/server";
import { databaseProblems } from "@/lib/data/health";
import { log } from "@/lib/log";

const NO_STORE = { "cache-control": "no-store" };

/** For uptime checks and load balancers, without a login. No internals in the answer. */
export async function GET() {
  try {
    const problems = await databaseProblems();
    if (problems.length > 0) throw new Error(problems.join("; "));
    return NextResponse.json({ status: "ok", db: "ok", time: new Date().toISOString() }, { headers: NO_STORE });
  } catch (error) {
    void log.error("healthz.failed", error);
    return NextResponse.json({ status: "error" }, { status: 503, headers: NO_STORE });
  }
}
