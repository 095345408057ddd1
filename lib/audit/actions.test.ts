import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, actionKey } from "./actions";

const ROOT = path.resolve(__dirname, "../..");
const ACTION = /^(tenure|person|unit|account|grant|export|import|login|access_request|drive|meeting)(\.[a-z_]+)*$/;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [rel] : [];
  });
}

/**
 * Every action name written to the audit log by the code: the string literals on lines that write
 * an audit row or name the action of one (writeAudit's `action:`, deny(), requireUnitRole(), the
 * login failure statement, `const action = …`, `…_ACTION = …`, loadCovered(), SQL inserts).
 */
function actionsInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const writers = /action:|deny\(|requireUnitRole\(|auditFailure\(\)|const action =|_ACTION =|loadCovered\(|insert into audit_log|values \(null, '/;
  for (const file of [...sources("lib"), ...sources("app"), ...sources("scripts")]) {
    const lines = fs.readFileSync(path.join(ROOT, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      const context = `${lines[i - 1] ?? ""}\n${line}`;
      if (!writers.test(context) || /log\.(info|warn|error|debug)\(/.test(line)) return;
      for (const m of line.matchAll(/["'`]([a-z_.]+)["'`]/g)) {
        if (ACTION.test(m[1]) && m[1].includes(".")) found.set(m[1], `${file}:${i + 1}`);
      }
      // A one-word action ("export", "import") only where it is plainly the action.
      for (const m of line.matchAll(/(?:action: |deny\(\w+, |const action = )(?:[^"'\n]*\? )?["']([a-z_]+)["']/g)) {
        if (ACTION.test(m[1])) found.set(m[1], `${file}:${i + 1}`);
      }
    });
  }
  return found;
}

const messages = (locale: string) => {
  const dir = path.join(ROOT, "messages", locale);
  return Object.assign({}, ...fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")))) as Record<string, never>;
};
const lookup = (m: Record<string, unknown>, key: string): unknown => key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], m);

describe("audit actions", () => {
  const inSource = actionsInSource();

  it("finds the actions the code writes (the scan works)", () => {
    for (const a of ["tenure.assign", "tenure.replace", "export", "export.cancelled", "import.apply", "login.failed", "grant.add", "person.out_of_scope_match", "account.create_cli"]) {
      expect(inSource.has(a), a).toBe(true);
    }
  });

  it("lists every action written anywhere in the code", () => {
    const missing = [...inSource].filter(([a]) => !(a in AUDIT_ACTIONS)).map(([a, where]) => `${a} (${where})`);
    expect(missing).toEqual([]);
  });

  for (const locale of ["hi", "en"]) {
    it(`has a sentence and a label for every action in ${locale}`, () => {
      const m = messages(locale);
      const missing = Object.keys(AUDIT_ACTIONS).flatMap((a) =>
        [`audit.sentences.${actionKey(a)}`, `admin.audit.actions.${actionKey(a)}`].filter((k) => typeof lookup(m, k) !== "string"),
      );
      expect(missing).toEqual([]);
    });
  }
});
