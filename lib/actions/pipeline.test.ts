import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DatabaseBusy, DatabaseUnreachable } from "@/db/errors";
import { Denied } from "@/lib/auth/guard";
import { codeTexts, runAction, type Texts } from "./pipeline";

// The database's sentences come from the "database" messages; here, their keys.
vi.mock("next-intl/server", () => ({ getTranslations: async (namespace: string) => (key: string) => `${namespace}.${key}` }));

const texts = async (): Promise<Texts> => ({ field: (code) => `field:${code}`, check: "check", denied: "denied!", failed: "failed!" });
const schema = z.object({ name: z.string().min(2, "required"), n: z.coerce.number().int() });

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.set(k, v);
  return fd;
}

describe("runAction: parse → service → one result shape", () => {
  it("answers bad input with translated field messages and what was typed, and never calls the service", async () => {
    let called = false;
    const out = await runAction({ name: "t", schema, texts, keep: ["name"], run: () => ((called = true), 1) }, form({ name: "x", n: "2", password: "secret" }));
    expect(called).toBe(false);
    expect(out).toEqual({ ok: false, errors: { name: ["field:required"] }, message: "check", values: { name: "x" } });
  });

  it("passes the parsed input to the service and returns its value", async () => {
    const out = await runAction({ name: "t", schema, texts, keep: [], run: (input) => input.n * 2 }, form({ name: "ab", n: "21" }));
    expect(out).toEqual({ ok: true, value: 42, input: { name: "ab", n: 21 } });
  });

  it("turns a service refusal into the same shape", async () => {
    const out = await runAction({ name: "t", schema, texts, keep: [], run: (_i, refuse) => refuse.fields({ n: ["too_big"] }) }, form({ name: "ab", n: "1" }));
    expect(out).toMatchObject({ ok: false, errors: { n: ["field:too_big"] }, message: "check" });
  });

  it("answers a grant refusal with the action's own sentence", async () => {
    const out = await runAction({ name: "t", schema, texts, keep: [], run: () => { throw new Denied("x"); } }, form({ name: "ab", n: "1" }));
    expect(out).toMatchObject({ ok: false, code: "denied", message: "denied!" });
  });

  it("answers an unexpected error with 'failed' (it is logged, not thrown at the user)", async () => {
    const out = await runAction({ name: "t", schema, texts, keep: [], run: () => { throw new Error("disk full"); } }, form({ name: "ab", n: "1" }));
    expect(out).toMatchObject({ ok: false, code: "failed", message: "failed!" });
  });

  it("answers a busy or unreachable database with its own sentence, not 'failed' (also wrapped, as next-auth wraps a login's)", async () => {
    const busy = await runAction({ name: "t", schema, texts, keep: [], run: () => { throw new DatabaseBusy(); } }, form({ name: "ab", n: "1" }));
    expect(busy).toMatchObject({ ok: false, code: "database_busy", message: "database.busy" });
    const wrapped = Object.assign(new Error("CallbackRouteError"), { cause: { err: new DatabaseUnreachable() } });
    const gone = await runAction({ name: "t", schema, texts, keep: [], run: () => { throw wrapped; } }, form({ name: "ab", n: "1" }));
    expect(gone).toMatchObject({ ok: false, code: "database_unreachable", message: "database.unreachable" });
  });

  it("lets Next's redirect through", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/x;307;" });
    await expect(runAction({ name: "t", schema, texts, keep: [], run: () => { throw redirect; } }, form({ name: "ab", n: "1" }))).rejects.toBe(redirect);
  });

  it("plain form posts get codes", async () => {
    const out = await runAction({ name: "t", schema, texts: codeTexts, keep: [], run: () => 1 }, form({ name: "", n: "1" }));
    expect(out).toMatchObject({ ok: false, errors: { name: ["required"] } });
  });
});

describe("no error is swallowed with console.error", () => {
  it("app/, lib/ and components/ log through lib/log", () => {
    const root = path.resolve(__dirname, "../..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !name.endsWith(".test.ts") && readFileSync(p, "utf8").includes("console.error")) offenders.push(path.relative(root, p));
      }
    };
    for (const dir of ["app", "lib", "components"]) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
