/**
 * Hostile input against every form schema and every write, on a real seeded database (SQLite, and PostgreSQL): overlong,
 * empty and invisible text, injection strings (SQL, HTML, spreadsheet formulas), malformed mobiles,
 * forged and out-of-scope ids, and broken or oversized roster sheets. Each case must be refused
 * (zod error, the service's refusal code, Denied, or a parser error) with no change to the
 * directory; the audit log may only gain "denied" rows. What is rightly accepted must be stored
 * clean. Every case runs inside a transaction that is rolled back, so cases don't interact.
 */
import zlib from "node:zlib";
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ScopedGrant } from "@/lib/auth/grants";
import type { Viewer } from "@/lib/auth/session";
import { withTestDatabase } from "@/lib/testing/demo-db";
import * as db from "@/db";
import * as guard from "@/lib/auth/guard";
import * as roster from "@/lib/roster/service";
import * as structure from "@/lib/structure/service";
import * as accounts from "@/lib/accounts/service";
import * as parse from "@/lib/import/parse";
import * as plan from "@/lib/import/plan";
import * as apply from "@/lib/import/apply";
import * as rosterV from "@/lib/validation/roster";
import * as accountsV from "@/lib/validation/accounts";
import * as exportV from "@/lib/validation/export";

withTestDatabase();

// ---------------------------------------------------------------------------------------------
// The corpus

/** Text that no name, code or link field may take. */
const TEXT: Record<string, string> = {
  empty: "",
  blank: " \t \u00A0 ",
  overlong: "क".repeat(5_000),
  huge: "a".repeat(100_000),
  control: "राम\u0000कुमार\u0007\u001b[31m",
  zeroWidthOnly: "\u200B\u200C\u200D\u2060\uFEFF",
  mixedScripts: "राम Kumar",
  cyrillicHomoglyph: "R\u0430m Kum\u0430r",
  emoji: "राम 🙏",
  punctuationOnly: "'-.'-.",
  sqlQuote: "'); drop table people;--",
  sqlOr: '" or 1=1 --',
  script: "<script>alert(1)</script>",
  img: "<img src=x onerror=alert(1)>",
  hyperlink: '=HYPERLINK("http://x","y")',
  dde: "+cmd|' /C calc'!A0",
  atSum: "@SUM(1)",
};

/** Mobiles that are not an Indian mobile however they are read. */
const MOBILE: Record<string, string> = {
  empty: "",
  usNumber: "+1 415 555 2671",
  arabicIndicDigits: "٩٨٧٦٥٤٣٢١٠",
  letterO: "98765-4321O",
  fifteenDigits: "987654321098765",
  overlong: "9".repeat(41),
  landline: "0612 2234567",
  notMobileRange: "58765 43210",
  withNul: "98765\u000043210",
  sql: "98765 43210' or 1=1 --",
  formula: "=9876543210",
  script: "<script>9876543210</script>",
};

/** Ids as a forged form sends them. */
const ID: Record<string, string> = {
  zero: "0",
  negative: "-1",
  twoPow63: "9223372036854775808",
  aboveSafe: "9007199254740993",
  nan: "NaN",
  infinity: "Infinity",
  fraction: "1.5",
  sql: "1; drop table units",
  missing: "99999999",
  empty: "",
};

const DATE: Record<string, string> = {
  empty: "",
  feb31: "2024-02-31",
  month13: "2024-13-01",
  tooOld: "1900-01-01",
  tooFar: "9999-12-31",
  dayFirst: "01-11-2026",
  withTime: "2026-11-01T00:00:00Z",
  sql: "2026-11-01'; drop table tenures;--",
  devanagariDigits: "२०२६-११-०१",
};

const URL_: Record<string, string> = {
  javascript: "javascript:alert(1)",
  data: "data:text/html,<script>alert(1)</script>",
  http: "http://chat.whatsapp.com/AbCdEfGhIj12",
  lookalikeHost: "https://chat.whatsapp.com.evil.example/AbCdEfGhIj12",
  userinfo: "https://chat.whatsapp.com@evil.example/AbCdEfGhIj12",
  query: "https://chat.whatsapp.com/AbCdEfGhIj12?next=https://evil.example",
  fragment: "https://chat.whatsapp.com/AbCdEfGhIj12#x",
  zeroWidth: "https://chat.whatsapp.com/AbCd\u200BEfGhIj12",
  script: "https://chat.whatsapp.com/<script>",
  overlong: `https://chat.whatsapp.com/${"A".repeat(300)}`,
};

// Control, zero-width, bidi-override and unpaired surrogate characters: none may be stored.
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// What a spreadsheet would run, or a browser would parse as markup, in a field that is not free text.
const ACTIVE = /^[=+@]|[<>]/;

// ---------------------------------------------------------------------------------------------
// Who and what

const LOGIN = {
  districtAdmin: "+919000000001",
  itCellEditor: "+919000000002",
  mandalEditor: "+919000000003",
  stateAdmin: "+919000000009",
  mandalViewer: "+919000000010",
} as const;

async function loadViewer(who: keyof typeof LOGIN): Promise<Viewer> {
  const a = await get<{ id: number; person_id: number | null; display_name: string }>("select id, person_id, display_name from accounts where login = ?", LOGIN[who]);
  const grants = await db
    .statement<[number], ScopedGrant>("select g.unit_id as \"unitId\", u.path as \"unitPath\", g.role, g.body_id as \"bodyId\" from grants g join units u on u.id = g.unit_id where g.account_id = ? order by u.path, g.id")
    .all(a.id);
  return { accountId: a.id, personId: a.person_id, name: a.display_name, grants };
}

// Read once (beforeAll): every case is rolled back, so accounts and grants stay as they were.
const viewers = new Map<keyof typeof LOGIN, Viewer>();
function viewer(who: keyof typeof LOGIN): Viewer {
  const v = viewers.get(who);
  if (!v) throw new Error(`viewer ${who} is read in beforeAll`);
  return v;
}

async function get<T>(sql: string, ...params: unknown[]): Promise<T> {
  return (await db.statement<unknown[], T>(sql).get(...params)) as T;
}

const MANDAL = "मखदुमपुर दक्षिणी मंडल";
const WEST_CHAMPARAN = "पश्चिमी चंपारण";

/** Targets inside the mandal editor's grant (Makhdumpur South) and outside it (West Champaran). */
async function targets() {
  const mandal = (await get<{ id: number }>("select id from units where name_hi = ?", MANDAL)).id;
  const skIn = await get<{ id: number; parentId: number }>(
    "select id, parent_id as \"parentId\" from units where parent_id = ? and level = 'shakti_kendra' order by id limit 1",
    mandal,
  );
  const boothIn = (await get<{ id: number }>("select id from units where parent_id = ? order by id limit 1", skIn.id)).id;
  const inWc = (level: string) =>
    get<{ id: number; parentId: number }>(
      "select u.id, u.parent_id as \"parentId\" from units u join units d on u.path like d.path || '%' where d.name_hi = ? and u.level = ? order by u.id limit 1",
      WEST_CHAMPARAN,
      level,
    );
  const post = async (level: string, body: string, title: string) =>
    (await get<{ id: number }>("select p.id from posts p join bodies b on b.id = p.body_id where p.level = ? and b.key = ? and p.title_key = ?", level, body, title)).id;
  const tenureIn = (await get<{ id: number }>("select t.id from tenures t where t.unit_id = ? and t.end_date is null order by t.id limit 1", skIn.id)).id;
  const tenureOut = (await get<{ id: number }>(
    "select t.id from tenures t join units u on u.id = t.unit_id join units d on u.path like d.path || '%' where d.name_hi = ? and t.end_date is null order by t.id limit 1",
    WEST_CHAMPARAN,
  )).id;
  const personIn = (await get<{ id: number }>("select id from people where name_hi = 'अजीत कुमार'")).id;
  const personOut = await get<{ id: number; mobile: string }>(
    "select p.id, p.mobile from tenures t join people p on p.id = t.person_id join units u on u.id = t.unit_id join units d on u.path like d.path || '%' where d.name_hi = ? and u.level = 'booth' order by p.id limit 1",
    WEST_CHAMPARAN,
  );
  // Someone in the district admin's district with a mobile and no account, to make an account for.
  const personForAccount = await get<{ id: number; mobile: string }>(
    `select p.id, p.mobile from people p join units h on h.id = p.home_unit_id
     where h.path like (select path from units where id = ?) || '%' and p.mobile is not null
       and not exists (select 1 from accounts a where a.person_id = p.id or a.login = p.mobile) order by p.id limit 1`,
    mandal,
  );
  const accountOf = async (login: string) => (await get<{ id: number }>("select id from accounts where login = ?", login)).id;
  const grantOf = async (login: string) => (await get<{ id: number }>("select g.id from grants g join accounts a on a.id = g.account_id where a.login = ? order by g.id limit 1", login)).id;
  const skOut = await inWc("shakti_kendra");
  const itConvenor = await post("shakti_kendra", "it_cell", "convenor");
  return {
    mandal,
    skIn,
    boothIn,
    otherMandalIn: (await get<{ id: number }>("select id from units where name_hi = 'मखदुमपुर उत्तरी मंडल'")).id,
    skOut,
    boothOut: await inWc("booth"),
    mandalOut: await inWc("mandal"),
    itConvenor,
    // The IT convenor's seat 1 holders now (null: vacant), as the seat form's expected state.
    itTenureIn: await currentTenure(skIn.id, itConvenor),
    itTenureOut: await currentTenure(skOut.id, itConvenor),
    tenureIn,
    tenureOut,
    personIn,
    personOut,
    personForAccount,
    mandalViewerAccount: await accountOf(LOGIN.mandalViewer),
    stateAdminAccount: await accountOf(LOGIN.stateAdmin),
    districtAdminAccount: await accountOf(LOGIN.districtAdmin),
    mandalViewerGrant: await grantOf(LOGIN.mandalViewer),
    stateAdminGrant: await grantOf(LOGIN.stateAdmin),
    districtAdminGrant: await grantOf(LOGIN.districtAdmin),
  };
}

async function currentTenure(unitId: number, postId: number): Promise<number | null> {
  return (await get<{ id: number } | undefined>("select id from tenures where unit_id = ? and post_id = ? and seat = 1 and end_date is null", unitId, postId))?.id ?? null;
}

/** A person's edit form as it stands (read in beforeAll, like the viewers). */
const personForms = new Map<number, Raw>();
async function loadPersonForm(personId: number) {
  const p = await get<{ version: number; nameHi: string; nameEn: string; mobile: string; homeUnitId: number | null }>(
    "select version, name_hi as \"nameHi\", name_en as \"nameEn\", mobile, home_unit_id as \"homeUnitId\" from people where id = ?",
    personId,
  );
  personForms.set(personId, { personId: String(personId), version: String(p.version), nameHi: p.nameHi, nameEn: p.nameEn, mobile: p.mobile, whatsapp: "", homeUnitId: String(p.homeUnitId ?? "") });
}

let x: Awaited<ReturnType<typeof targets>>;
beforeAll(async () => {
  for (const who of Object.keys(LOGIN) as Array<keyof typeof LOGIN>) viewers.set(who, await loadViewer(who));
  x = await targets();
  for (const id of [x.personIn, x.personOut.id]) await loadPersonForm(id);
});

// ---------------------------------------------------------------------------------------------
// Running a case

type Raw = Record<string, string>;
type AnyResult = { ok: boolean; code?: string; error?: string; errors?: Record<string, string[]>; fields?: Record<string, string[]> };

// Each table as a few aggregates that change with any row written, removed or edited. string_agg in
// id order: the same text on both engines (SQLite ≥ 3.44 has it); integers are cast to text to join them.
const TABLE_FINGERPRINTS = {
  people:
    "count(*) as n, max(id) as \"maxId\", coalesce(sum(version), 0) as versions, coalesce(sum(length(name_hi) + length(name_en) + length(coalesce(mobile, '')) + length(coalesce(whatsapp, '')) + coalesce(home_unit_id, 0)), 0) as text",
  tenures: "count(*) as n, max(id) as \"maxId\", coalesce(sum(version), 0) as versions, count(end_date) as ended, coalesce(sum(length(coalesce(end_reason, ''))), 0) as text",
  units:
    "count(*) as n, max(id) as \"maxId\", coalesce(sum(parent_id), 0) as parents, coalesce(sum(length(path)), 0) as paths, coalesce(sum(length(name_hi) + length(name_en) + length(coalesce(code, '')) + length(coalesce(whatsapp_url, ''))), 0) as text",
  accounts: "count(*) as n, max(id) as \"maxId\", string_agg(login || ':' || password_hash || ':' || cast(disabled as text), ',' order by id) as rows",
  grants:
    "count(*) as n, max(id) as \"maxId\", string_agg(cast(account_id as text) || ':' || cast(unit_id as text) || ':' || role || ':' || coalesce(cast(body_id as text), ''), ',' order by id) as rows",
};

/** The tables' fingerprints and the audit log's last id, read in the current transaction. */
async function snapshot() {
  const tables: Record<string, unknown> = {};
  for (const [table, columns] of Object.entries(TABLE_FINGERPRINTS)) tables[table] = await db.statement(`select ${columns} from ${table}`).get();
  return { tables, auditMax: (await get<{ n: number }>("select coalesce(max(id), 0) as n from audit_log")).n };
}

function zodFailure(error: { issues: Array<{ path: PropertyKey[] }> }): AnyResult {
  return { ok: false, code: `zod:${[...new Set(error.issues.map((i) => String(i.path[0] ?? "form")))].join(",")}` };
}

function outcomeOf(result: AnyResult): string {
  if (result.ok) return "accepted";
  if (result.error) return `parse:${result.error}`;
  if (result.code?.startsWith("zod:")) return result.code;
  const fields = result.fields ?? result.errors;
  return `refused:${result.code ?? "invalid"}${fields ? `(${Object.keys(fields).join(",")})` : ""}`;
}

const REFUSED = /^(zod|denied|refused|parse)/;

/** Thrown at the end of a case to undo everything it wrote. */
class UndoCase extends Error {
  constructor(readonly outcome: string) {
    super("undo");
  }
}

/**
 * Runs one case in a transaction that is always rolled back: its outcome ("accepted", "zod:field",
 * "denied", "refused:code", "parse:error", or "crash: …" for anything else thrown). A case that is
 * not accepted must leave the tables as they were and add only "denied" audit rows; `inspect` sees
 * the database before the rollback.
 */
async function attempt(
  fn: () => AnyResult | Promise<AnyResult>,
  inspect?: () => void | Promise<void>,
  allowAudit?: (row: { action: string; outcome: string }) => boolean,
): Promise<string> {
  const undone = await db
    .transaction(async () => {
      const before = await snapshot();
      let outcome: string;
      try {
        outcome = outcomeOf(await fn());
      } catch (error) {
        outcome = error instanceof guard.Denied ? "denied" : `crash: ${(error as Error).name}: ${(error as Error).message}`;
      }
      if (outcome !== "accepted") {
        expect((await snapshot()).tables, `${outcome} changed the data`).toEqual(before.tables);
        const audit = await db.statement<[number], { action: string; outcome: string }>("select action, outcome from audit_log where id > ? order by id").all(before.auditMax);
        expect(audit.filter((row) => row.outcome !== "denied" && !allowAudit?.(row)), `${outcome} wrote audit rows`).toEqual([]);
      }
      await inspect?.();
      throw new UndoCase(outcome);
    })
    .catch((error: unknown) => error);
  if (undone instanceof UndoCase) return undone.outcome;
  throw undone;
}

/** Every case of `values` put into `field` of `base`: each must be refused. */
async function expectAllRefused(label: string, base: Raw, field: string, values: Record<string, string>, submit: (raw: Raw) => AnyResult | Promise<AnyResult>) {
  const got: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) got[name] = await attempt(() => submit({ ...base, [field]: value }));
  const notRefused = Object.fromEntries(Object.entries(got).filter(([, o]) => !REFUSED.test(o)));
  expect(notRefused, `${label}.${field}: accepted or crashed (all outcomes: ${JSON.stringify(got)})`).toEqual({});
}

// The actions' order: parse with zod, then call the service (lib/actions/*.ts).
function via<S extends z.ZodType>(schema: S, call: (input: z.output<S>) => AnyResult | Promise<AnyResult>) {
  return (raw: Raw): AnyResult | Promise<AnyResult> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return zodFailure(parsed.error);
    return call(parsed.data);
  };
}

function without(values: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !names.includes(name)));
}

const assignAs = (who: keyof typeof LOGIN) => async (raw: Raw): Promise<AnyResult> => {
  const parsed = rosterV.assignSeatSchema.safeParse(raw);
  if (!parsed.success) return zodFailure(parsed.error);
  let newPerson = null;
  if (parsed.data.personId === null && raw.mode === "new") {
    const p = rosterV.newPersonSchema.safeParse(raw);
    if (!p.success) return zodFailure(p.error);
    newPerson = p.data;
  }
  return roster.assignSeat(viewer(who), parsed.data, newPerson);
};

const assignBase = (): Raw => ({
  unitId: String(x.skIn.id),
  postId: String(x.itConvenor),
  seat: "1",
  expectedTenureId: String(x.itTenureIn ?? ""),
  personId: "",
  startDate: "2026-11-01",
  mode: "new",
  nameHi: "परीक्षण व्यक्ति",
  nameEn: "Test Person",
  mobile: "98765 11111",
  whatsapp: "",
  homeUnitId: "",
});

function personBase(personId: number): Raw {
  const form = personForms.get(personId);
  if (!form) throw new Error(`person ${personId}'s form is read in beforeAll`);
  return { ...form };
}

// ---------------------------------------------------------------------------------------------

describe("every form schema: hostile input is refused, or accepted clean", () => {
  type Case = { name: string; schema: z.ZodType; base: () => Raw; free?: string[]; later?: string[] };
  // `free`: free text (any visible character, shown escaped by React, never exported);
  // `later`: checked by the service, not the schema (a form's raw mobile, a password to hash).
  const cases = (): Case[] => [
    { name: "assignSeat", schema: rosterV.assignSeatSchema, base: assignBase },
    { name: "newPerson", schema: rosterV.newPersonSchema, base: assignBase, later: ["mobile", "whatsapp"] },
    { name: "vacateSeat", schema: rosterV.vacateSeatSchema, base: () => ({ tenureId: String(x.tenureIn), endDate: "2026-11-20", reason: "" }), free: ["reason"] },
    { name: "updatePerson", schema: rosterV.updatePersonSchema, base: () => personBase(x.personIn), later: ["mobile", "whatsapp"] },
    { name: "addUnit", schema: rosterV.addUnitSchema, base: () => ({ parentId: String(x.skIn.id), nameHi: "नया बूथ", nameEn: "New Booth", code: "999" }) },
    { name: "renameUnit", schema: rosterV.renameUnitSchema, base: () => ({ unitId: String(x.skIn.id), nameHi: "नया नाम", nameEn: "New Name", code: "" }) },
    { name: "moveUnit", schema: rosterV.moveUnitSchema, base: () => ({ unitId: String(x.skIn.id), newParentId: String(x.otherMandalIn) }) },
    { name: "whatsappLink", schema: rosterV.whatsappLinkSchema, base: () => ({ unitId: String(x.skIn.id), url: "https://chat.whatsapp.com/AbCdEfGhIj12" }) },
    {
      name: "createAccount",
      schema: accountsV.createAccountSchema,
      base: () => ({ mobile: x.personForAccount.mobile, password: "a-good-long-password", unitId: String(x.mandal), otherUnitId: "", role: "viewer", bodyId: "" }),
      later: ["password"],
    },
    { name: "addGrant", schema: accountsV.addGrantSchema, base: () => ({ accountId: String(x.mandalViewerAccount), unitId: String(x.mandal), otherUnitId: "", role: "editor", bodyId: "" }) },
    { name: "removeGrant", schema: accountsV.removeGrantSchema, base: () => ({ grantId: String(x.mandalViewerGrant) }) },
    { name: "resetPassword", schema: accountsV.resetPasswordSchema, base: () => ({ accountId: String(x.mandalViewerAccount), password: "another-long-password" }), later: ["password"] },
    { name: "setAccountDisabled", schema: accountsV.setAccountDisabledSchema, base: () => ({ accountId: String(x.mandalViewerAccount), disabled: "true" }) },
    { name: "exportQuery", schema: exportV.exportQuerySchema, base: () => ({ unit: String(x.mandal), format: "csv", level: "", body: "", title: "", vacant: "" }) },
  ];
  const ALL = { ...TEXT, ...MOBILE, ...ID, ...DATE, ...URL_, role: "superadmin", bool: "yes", loneSurrogate: "\uD800राम\uDC00" };

  function problems(value: unknown, path: string, free: boolean): string[] {
    if (value === null || value === undefined || typeof value === "boolean") return [];
    if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? [] : [`${path}=${value}`];
    if (typeof value === "string") {
      const out: string[] = [];
      if (INVISIBLE.test(value)) out.push(`${path} has invisible characters`);
      if (value.length > 300) out.push(`${path} is ${value.length} long`);
      if (!free && ACTIVE.test(value)) out.push(`${path}=${JSON.stringify(value.slice(0, 40))}`);
      return out;
    }
    if (typeof value === "object") return Object.entries(value).flatMap(([k, v]) => problems(v, `${path}.${k}`, free));
    return [`${path}: ${typeof value}`];
  }

  it("a valid form passes each schema (the sweep below changes one field at a time)", () => {
    for (const c of cases()) expect(c.schema.safeParse(c.base()).success, c.name).toBe(true);
  });

  it("every field of every schema, with every hostile value", () => {
    const found: string[] = [];
    for (const c of cases()) {
      const base = c.base();
      for (const field of Object.keys(base)) {
        if (c.later?.includes(field)) continue;
        for (const [name, value] of Object.entries(ALL)) {
          const r = c.schema.safeParse({ ...base, [field]: value });
          if (!r.success) continue;
          const data = r.data as Record<string, unknown>;
          found.push(...problems(data[field === "otherUnitId" ? "unitId" : field], `${c.name}.${field}←${name}`, c.free?.includes(field) ?? false));
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("names refuse injection, markup, formulas, other scripts, letterless and overlong text", () => {
    const refused = (schema: typeof rosterV.personNameHiSchema) =>
      Object.fromEntries(Object.entries(TEXT).map(([name, v]) => [name, schema.safeParse(v).success ? "accepted" : "refused"]));
    const all = Object.fromEntries(Object.keys(TEXT).map((k) => [k, "refused"]));
    expect(refused(rosterV.personNameHiSchema)).toEqual(all);
    expect(refused(rosterV.personNameEnSchema)).toEqual(all);
  });

  it("names are stored without invisible characters: a ZWJ inside a conjunct, bidi overrides, tabs, broken UTF-16", () => {
    expect(rosterV.personNameHiSchema.parse("\uD800राम\uDC00 कुमार")).toBe("राम कुमार");
    expect(rosterV.personNameHiSchema.parse("क्\u200Dष\u200Cमा")).toBe("क्षमा");
    expect(rosterV.personNameHiSchema.parse("\u202Eराम\u202C  कुमार\u00A0")).toBe("राम कुमार");
    expect(rosterV.personNameHiSchema.parse("राम\tकुमार\r\nशर्मा")).toBe("राम कुमार शर्मा");
    expect(rosterV.personNameEnSchema.parse("\uFEFFD'Souza\u2060 Ram-Kumar")).toBe("D'Souza Ram-Kumar");
  });

  it("ids coerce only what reads as a whole number: '1e3' and '0x10' are 1000 and 16, like typing them", () => {
    expect(rosterV.moveUnitSchema.parse({ unitId: "1e3", newParentId: " 16 " })).toEqual({ unitId: 1000, newParentId: 16 });
    expect(rosterV.moveUnitSchema.parse({ unitId: "0x10", newParentId: "1.0" })).toEqual({ unitId: 16, newParentId: 1 });
    for (const v of Object.values(ID)) expect(rosterV.moveUnitSchema.safeParse({ unitId: v, newParentId: "5" }).success, v).toBe(v === ID.missing);
  });

  it("a role, a yes/no and a link take only their own values", () => {
    for (const role of ["superadmin", "Admin", "admin ", "", "owner", "__proto__"]) expect(accountsV.roleSchema.safeParse(role).success, role).toBe(false);
    for (const v of ["1", "0", "yes", "TRUE", "true ", ""]) {
      expect(accountsV.setAccountDisabledSchema.safeParse({ accountId: "5", disabled: v }).success, v).toBe(false);
    }
    for (const [name, url] of Object.entries(URL_)) expect(rosterV.whatsappLinkSchema.safeParse({ unitId: "5", url }).success, name).toBe(false);
    expect(rosterV.whatsappLinkSchema.parse({ unitId: "5", url: " https://chat.whatsapp.com/AbCdEfGhIj12\n" }).url).toBe("https://chat.whatsapp.com/AbCdEfGhIj12");
  });

  it("an admin's mobile field refuses every malformed mobile, and reads full-width digits", () => {
    for (const [name, m] of Object.entries(MOBILE)) expect(accountsV.mobileSchema.safeParse(m).success, name).toBe(false);
    expect(accountsV.mobileSchema.parse("９８７６５ ４３２１０")).toBe("+919876543210");
    expect(accountsV.mobileSchema.parse("98765\u200B43210")).toBe("+919876543210");
  });
});

describe("roster writes refuse hostile input and change nothing", () => {
  it("the starting forms are accepted (so each refusal below is the hostile field's doing)", async () => {
    expect(await attempt(() => assignAs("mandalEditor")(assignBase()))).toBe("accepted");
    expect(await attempt(() => via(rosterV.vacateSeatSchema, (i) => roster.vacateSeat(viewer("mandalEditor"), i))({ tenureId: String(x.tenureIn), endDate: "2026-11-20", reason: "" }))).toBe("accepted");
    expect(await attempt(() => via(rosterV.updatePersonSchema, (i) => roster.updatePerson(viewer("mandalEditor"), i))(personBase(x.personIn)))).toBe("accepted");
  });

  it("filling a seat: names, mobiles, ids and dates", async () => {
    const submit = assignAs("mandalEditor");
    for (const field of ["nameHi", "nameEn"]) await expectAllRefused("assignSeat", assignBase(), field, TEXT, submit);
    await expectAllRefused("assignSeat", assignBase(), "mobile", MOBILE, submit);
    // Empty means "no WhatsApp number" here, and below "no one" (personId), "was vacant"
    // (expectedTenureId), "no home" (homeUnitId): not hostile.
    await expectAllRefused("assignSeat", assignBase(), "whatsapp", without(MOBILE, "empty"), submit);
    const ids = without(ID, "empty");
    for (const field of ["unitId", "postId", "seat"]) await expectAllRefused("assignSeat", assignBase(), field, ID, submit);
    for (const field of ["expectedTenureId", "personId", "homeUnitId"]) await expectAllRefused("assignSeat", assignBase(), field, ids, submit);
    await expectAllRefused("assignSeat", assignBase(), "startDate", DATE, submit);
  });

  it("filling a seat with someone else's number, or choosing an existing person by a forged id", async () => {
    const submit = assignAs("mandalEditor");
    expect(await attempt(() => submit({ ...assignBase(), mobile: "9000000010" }))).toBe("refused:duplicate_mobile");
    expect(await attempt(() => submit({ ...assignBase(), mobile: x.personOut.mobile }))).toBe("refused:number_unusable");
    expect(await attempt(() => submit({ ...assignBase(), mode: "existing", personId: String(x.personOut.id) }))).toBe("denied");
    expect(await attempt(() => submit({ ...assignBase(), homeUnitId: String(x.boothOut.id) }))).toBe("refused:invalid(homeUnitId)");
  });

  it("vacating a seat: ids, dates; a free-text reason is stored without invisible characters", async () => {
    const submit = via(rosterV.vacateSeatSchema, (i) => roster.vacateSeat(viewer("mandalEditor"), i));
    const base = { tenureId: String(x.tenureIn), endDate: "2026-11-20", reason: "" };
    await expectAllRefused("vacateSeat", base, "tenureId", ID, submit);
    await expectAllRefused("vacateSeat", base, "endDate", DATE, submit);
    expect(await attempt(() => submit({ ...base, reason: TEXT.huge }))).toBe("zod:reason");
    const stored = async () => (await get<{ r: string | null }>("select end_reason as r from tenures where id = ?", x.tenureIn)).r;
    for (const [name, reason] of Object.entries(TEXT)) {
      if (name === "huge" || name === "overlong") continue;
      await attempt(
        () => submit({ ...base, reason }),
        async () => {
          const r = await stored();
          expect(r === null || !INVISIBLE.test(r), name).toBe(true);
        },
      );
    }
  });

  it("correcting a person: names, mobiles, ids, versions", async () => {
    const submit = via(rosterV.updatePersonSchema, (i) => roster.updatePerson(viewer("mandalEditor"), i));
    const base = personBase(x.personIn);
    for (const field of ["nameHi", "nameEn"]) await expectAllRefused("updatePerson", base, field, TEXT, submit);
    await expectAllRefused("updatePerson", base, "mobile", MOBILE, submit);
    await expectAllRefused("updatePerson", base, "personId", ID, submit);
    await expectAllRefused("updatePerson", base, "homeUnitId", without(ID, "empty"), submit);
    await expectAllRefused("updatePerson", base, "version", { ...ID, stale: String(Number(base.version) + 1), huge: "1e300" }, submit);
    expect(await attempt(() => submit({ ...base, mobile: "9000000001" }))).toBe("refused:number_unusable");
  });
});

describe("structure writes refuse hostile input and change nothing", () => {
  const admin = () => viewer("districtAdmin");

  it("the starting forms are accepted", async () => {
    expect(await attempt(() => via(rosterV.addUnitSchema, (i) => structure.addUnit(admin(), i))({ parentId: String(x.skIn.id), nameHi: "नया बूथ", nameEn: "New Booth", code: "999" }))).toBe("accepted");
    expect(await attempt(() => via(rosterV.renameUnitSchema, (i) => structure.renameUnit(admin(), i))({ unitId: String(x.skIn.id), nameHi: "नया नाम", nameEn: "New Name", code: "" }))).toBe("accepted");
  });

  it("adding and renaming a unit: names, codes, ids", async () => {
    const add = via(rosterV.addUnitSchema, (i) => structure.addUnit(admin(), i));
    const rename = via(rosterV.renameUnitSchema, (i) => structure.renameUnit(admin(), i));
    const addBase = { parentId: String(x.skIn.id), nameHi: "नया बूथ", nameEn: "New Booth", code: "999" };
    const renameBase = { unitId: String(x.skIn.id), nameHi: "नया नाम", nameEn: "New Name", code: "" };
    // Unit names may hold digits and , ( ) / (booth names do) and need no letter; the rest is refused.
    const unitText = without(TEXT, "punctuationOnly");
    // An empty code is "no code".
    const codeText = without(TEXT, "empty", "blank", "zeroWidthOnly", "punctuationOnly", "mixedScripts");
    for (const field of ["nameHi", "nameEn"]) {
      await expectAllRefused("addUnit", addBase, field, unitText, add);
      await expectAllRefused("renameUnit", renameBase, field, unitText, rename);
    }
    await expectAllRefused("addUnit", addBase, "code", codeText, add);
    await expectAllRefused("addUnit", addBase, "parentId", ID, add);
    await expectAllRefused("renameUnit", renameBase, "unitId", ID, rename);
    expect(await attempt(() => add({ ...addBase, parentId: String(x.boothIn) }))).toBe("refused:invalid(parentId)");
  });

  it("a WhatsApp link: only WhatsApp's own invite links", async () => {
    const link = via(rosterV.whatsappLinkSchema, (i) => structure.setWhatsappLink(admin(), i));
    const base = { unitId: String(x.skIn.id), url: "" };
    // An empty link removes the link.
    await expectAllRefused("whatsappLink", base, "url", { ...URL_, ...without(TEXT, "empty", "blank") }, link);
    await expectAllRefused("whatsappLink", { ...base, url: "https://chat.whatsapp.com/AbCdEfGhIj12" }, "unitId", ID, link);
  });

  it("moving a unit: ids, levels, cycles", async () => {
    const move = via(rosterV.moveUnitSchema, (i) => structure.moveUnit(admin(), i));
    const base = { unitId: String(x.skIn.id), newParentId: String(x.otherMandalIn) };
    await expectAllRefused("moveUnit", base, "unitId", ID, move);
    await expectAllRefused("moveUnit", base, "newParentId", ID, move);
    expect(await attempt(() => move({ unitId: String(x.mandal), newParentId: String(x.otherMandalIn) }))).toBe("refused:invalid(unitId)");
    expect(await attempt(() => move({ unitId: String(x.skIn.id), newParentId: String(x.boothIn) }))).toBe("refused:invalid(newParentId)");
    expect(await attempt(() => move({ unitId: String(x.skIn.id), newParentId: String(x.skIn.parentId) }))).toBe("refused:invalid(newParentId)");
    expect(await attempt(() => move({ unitId: String(x.boothIn), newParentId: String(x.skIn.id) }))).toBe("refused:invalid(newParentId)");
  });
});

describe("account writes refuse hostile input and change nothing", () => {
  const admin = () => viewer("districtAdmin");
  const createBase = (): Raw => ({ mobile: x.personForAccount.mobile, password: "a-good-long-password", unitId: String(x.mandal), otherUnitId: "", role: "viewer", bodyId: "" });
  const grantBase = (): Raw => ({ accountId: String(x.mandalViewerAccount), unitId: String(x.mandal), otherUnitId: "", role: "editor", bodyId: "" });
  const ROLES = { superadmin: "superadmin", capital: "Admin", padded: "admin ", empty: "", proto: "__proto__", script: "<script>alert(1)</script>" };
  const PASSWORDS = { empty: "", short: "1234567", overlong: "p".repeat(201), huge: "p".repeat(100_000) };

  it("the starting forms are accepted", async () => {
    expect(await attempt(() => via(accountsV.createAccountSchema, (i) => accounts.createAccount(admin(), i))(createBase()))).toBe("accepted");
    expect(await attempt(() => via(accountsV.addGrantSchema, (i) => accounts.addGrant(admin(), i))(grantBase()))).toBe("accepted");
  });

  it("creating an account: mobiles, passwords, ids, roles", async () => {
    const create = via(accountsV.createAccountSchema, (i) => accounts.createAccount(admin(), i));
    const ids = without(ID, "empty");
    await expectAllRefused("createAccount", createBase(), "mobile", MOBILE, create);
    await expectAllRefused("createAccount", createBase(), "password", PASSWORDS, create);
    await expectAllRefused("createAccount", createBase(), "unitId", ID, create);
    await expectAllRefused("createAccount", createBase(), "otherUnitId", ids, create);
    await expectAllRefused("createAccount", createBase(), "bodyId", ids, create);
    await expectAllRefused("createAccount", createBase(), "role", ROLES, create);
  });

  it("a password is any text, stored only as a hash", async () => {
    const create = via(accountsV.createAccountSchema, (i) => accounts.createAccount(admin(), i));
    const password = "'); drop table accounts;-- <script>\u0000";
    expect(
      await attempt(
        () => create({ ...createBase(), password }),
        async () => {
          const row = await get<{ hash: string }>("select password_hash as hash from accounts where login = ?", x.personForAccount.mobile);
          expect(row.hash).toMatch(/^scrypt\$/);
          expect(row.hash).not.toContain("drop table");
        },
      ),
    ).toBe("accepted");
  });

  it("grants, password resets and disabling: ids, roles, yes/no", async () => {
    const add = via(accountsV.addGrantSchema, (i) => accounts.addGrant(admin(), i));
    const remove = via(accountsV.removeGrantSchema, (i) => accounts.removeGrant(admin(), i));
    const reset = via(accountsV.resetPasswordSchema, (i) => accounts.resetPassword(admin(), i));
    const disable = via(accountsV.setAccountDisabledSchema, (i) => accounts.setAccountDisabled(admin(), i));
    const ids = without(ID, "empty");
    for (const field of ["accountId", "unitId"]) await expectAllRefused("addGrant", grantBase(), field, ID, add);
    await expectAllRefused("addGrant", grantBase(), "bodyId", ids, add);
    await expectAllRefused("addGrant", grantBase(), "role", ROLES, add);
    await expectAllRefused("removeGrant", { grantId: String(x.mandalViewerGrant) }, "grantId", ID, remove);
    await expectAllRefused("resetPassword", { accountId: String(x.mandalViewerAccount), password: "another-long-password" }, "accountId", ID, reset);
    await expectAllRefused("resetPassword", { accountId: String(x.mandalViewerAccount), password: "" }, "password", PASSWORDS, reset);
    await expectAllRefused("setAccountDisabled", { accountId: String(x.mandalViewerAccount), disabled: "true" }, "accountId", ID, disable);
    await expectAllRefused("setAccountDisabled", { accountId: String(x.mandalViewerAccount), disabled: "true" }, "disabled", { one: "1", yes: "yes", upper: "TRUE", padded: "true ", empty: "" }, disable);
  });
});

describe("ids from outside the scope, and forged ids that skip the schema", () => {
  it("the mandal editor reaches no West Champaran unit, person or tenure", async () => {
    const editor = () => viewer("mandalEditor");
    const got = {
      assign: await attempt(() => assignAs("mandalEditor")({ ...assignBase(), unitId: String(x.skOut.id), expectedTenureId: String(x.itTenureOut ?? "") })),
      assignPerson: await attempt(() => assignAs("mandalEditor")({ ...assignBase(), mode: "existing", personId: String(x.personOut.id) })),
      vacate: await attempt(() => roster.vacateSeat(editor(), { tenureId: x.tenureOut, endDate: "2026-11-20", reason: null })),
      update: await attempt(() => via(rosterV.updatePersonSchema, (i) => roster.updatePerson(editor(), i))(personBase(x.personOut.id))),
      rename: await attempt(() => structure.renameUnit(editor(), { unitId: x.skOut.id, nameHi: "नया नाम", nameEn: "New Name", code: null })),
      importInto: await attempt(async () => {
        await apply.requireImportUnit(editor(), x.mandalOut.id);
        return { ok: true };
      }),
    };
    expect(got).toEqual({ assign: "denied", assignPerson: "denied", vacate: "denied", update: "denied", rename: "denied", importInto: "denied" });
  });

  it("the district admin reaches no West Champaran unit, and no account above the district", async () => {
    const admin = () => viewer("districtAdmin");
    const got = {
      add: await attempt(() => structure.addUnit(admin(), { parentId: x.skOut.id, nameHi: "नया बूथ", nameEn: "New Booth", code: null })),
      link: await attempt(() => structure.setWhatsappLink(admin(), { unitId: x.skOut.id, url: "https://chat.whatsapp.com/AbCdEfGhIj12" })),
      moveOut: await attempt(() => structure.moveUnit(admin(), { unitId: x.skIn.id, newParentId: x.mandalOut.id })),
      moveIn: await attempt(() => structure.moveUnit(admin(), { unitId: x.skOut.id, newParentId: x.otherMandalIn })),
      accountForOutsider: await attempt(() => accounts.createAccount(admin(), { mobile: x.personOut.mobile, password: "a-good-long-password", unitId: x.mandal, role: "viewer", bodyId: null })),
      grantOutside: await attempt(() => accounts.addGrant(admin(), { accountId: x.mandalViewerAccount, unitId: x.mandalOut.id, role: "viewer", bodyId: null })),
      resetStateAdmin: await attempt(() => accounts.resetPassword(admin(), { accountId: x.stateAdminAccount, password: "another-long-password" })),
      disableStateAdmin: await attempt(() => accounts.setAccountDisabled(admin(), { accountId: x.stateAdminAccount, disabled: true })),
      removeStateAdminGrant: await attempt(() => accounts.removeGrant(admin(), { grantId: x.stateAdminGrant })),
      disableSelf: await attempt(() => accounts.setAccountDisabled(admin(), { accountId: x.districtAdminAccount, disabled: true })),
      removeOwnLastAdmin: await attempt(() => accounts.removeGrant(admin(), { grantId: x.districtAdminGrant })),
      editorMakesAccount: await attempt(() => accounts.createAccount(viewer("itCellEditor"), { mobile: x.personForAccount.mobile, password: "a-good-long-password", unitId: x.mandal, role: "admin", bodyId: null })),
    };
    expect(Object.values(got).every((o) => o === "denied"), JSON.stringify(got)).toBe(true);
  });

  it("numbers no form can send (0, -1, 2^63, NaN, 1.5, Infinity, unknown) are refused by the services too", async () => {
    const FORGED = [0, -1, 2 ** 63, Number.NaN, 1.5, Number.POSITIVE_INFINITY, 99_999_999];
    const editor = () => viewer("mandalEditor");
    const admin = () => viewer("districtAdmin");
    const calls: Record<string, (id: number) => Promise<AnyResult>> = {
      assignUnit: (id) => roster.assignSeat(editor(), { unitId: id, postId: x.itConvenor, seat: 1, expectedTenureId: null, personId: x.personIn, startDate: "2026-11-01" }, null),
      assignPost: (id) => roster.assignSeat(editor(), { unitId: x.skIn.id, postId: id, seat: 1, expectedTenureId: null, personId: x.personIn, startDate: "2026-11-01" }, null),
      assignPerson: (id) => roster.assignSeat(editor(), { unitId: x.skIn.id, postId: x.itConvenor, seat: 1, expectedTenureId: x.itTenureIn, personId: id, startDate: "2026-11-01" }, null),
      vacate: (id) => roster.vacateSeat(editor(), { tenureId: id, endDate: "2026-11-20", reason: null }),
      updatePerson: (id) => roster.updatePerson(editor(), { ...rosterV.updatePersonSchema.parse(personBase(x.personIn)), personId: id }),
      updateHome: (id) => roster.updatePerson(editor(), { ...rosterV.updatePersonSchema.parse(personBase(x.personIn)), homeUnitId: id }),
      addUnit: (id) => structure.addUnit(admin(), { parentId: id, nameHi: "नया बूथ", nameEn: "New Booth", code: null }),
      rename: (id) => structure.renameUnit(admin(), { unitId: id, nameHi: "नया नाम", nameEn: "New Name", code: null }),
      link: (id) => structure.setWhatsappLink(admin(), { unitId: id, url: null }),
      moveUnit: (id) => structure.moveUnit(admin(), { unitId: id, newParentId: x.otherMandalIn }),
      moveTo: (id) => structure.moveUnit(admin(), { unitId: x.skIn.id, newParentId: id }),
      createUnit: (id) => accounts.createAccount(admin(), { mobile: x.personForAccount.mobile, password: "a-good-long-password", unitId: id, role: "viewer", bodyId: null }),
      createBody: (id) => accounts.createAccount(admin(), { mobile: x.personForAccount.mobile, password: "a-good-long-password", unitId: x.mandal, role: "viewer", bodyId: id }),
      grantAccount: (id) => accounts.addGrant(admin(), { accountId: id, unitId: x.mandal, role: "viewer", bodyId: null }),
      grantUnit: (id) => accounts.addGrant(admin(), { accountId: x.mandalViewerAccount, unitId: id, role: "viewer", bodyId: null }),
      removeGrant: (id) => accounts.removeGrant(admin(), { grantId: id }),
      reset: (id) => accounts.resetPassword(admin(), { accountId: id, password: "another-long-password" }),
      disable: (id) => accounts.setAccountDisabled(admin(), { accountId: id, disabled: true }),
      applyImport: (id) => apply.applyImport(editor(), id),
    };
    const accepted: string[] = [];
    for (const [name, call] of Object.entries(calls)) {
      for (const id of FORGED) {
        const outcome = await attempt(() => call(id), undefined, (row) => row.action === "import.apply");
        if (!REFUSED.test(outcome)) accepted.push(`${name}(${id}): ${outcome}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});

describe("legitimately accepted input is stored clean", () => {
  it("a new person's name with a ZWJ, a bidi override and a tab; a mobile in full-width digits", async () => {
    const raw = { ...assignBase(), nameHi: "\u202Eक्\u200Dषमा\tदेवी", nameEn: "Kshama\u200B Devi\u00A0", mobile: "９８７６５ ２２２２２", whatsapp: "98765\u200B22223" };
    expect(
      await attempt(
        () => assignAs("mandalEditor")(raw),
        async () => {
          const p = await get<{ nameHi: string; nameEn: string; mobile: string; whatsapp: string }>(
            "select name_hi as \"nameHi\", name_en as \"nameEn\", mobile, whatsapp from people where mobile = '+919876522222'",
          );
          expect(p).toEqual({ nameHi: "क्षमा देवी", nameEn: "Kshama Devi", mobile: "+919876522222", whatsapp: "+919876522223" });
        },
      ),
    ).toBe("accepted");
  });

  it("an apostrophe-and-dash name that reads like SQL is stored verbatim, and the tables stand", async () => {
    const nameEn = "D'Souza -- Or 'a'-'a";
    expect(
      await attempt(
        () => assignAs("mandalEditor")({ ...assignBase(), nameEn, mobile: "98765 33333" }),
        async () => {
          expect((await get<{ n: string }>("select name_en as n from people where mobile = '+919876533333'")).n).toBe(nameEn);
          expect((await get<{ n: number }>("select count(*) as n from people")).n).toBeGreaterThan(1000);
        },
      ),
    ).toBe("accepted");
  });
});

// ---------------------------------------------------------------------------------------------
// Roster sheets

const HEADER = ["प्रदेश", "जिला", "विधानसभा", "मंडल", "शक्ति केंद्र", "बूथ", "कोड", "विभाग/मोर्चा", "पद", "सीट", "नाम (हिंदी)", "नाम (अंग्रेज़ी)", "मोबाइल", "व्हाट्सएप", "कब से"];
const enc = (s: string) => new TextEncoder().encode(s);

/** A zip archive holding one stored (uncompressed) file: a real zip that is not a workbook. */
function storedZip(name: string, content: Uint8Array): Uint8Array {
  const file = Buffer.from(name);
  const crc = zlib.crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(file.length, 28);
  const centralOffset = local.length + file.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, file, content, central, file, end]));
}

describe("roster sheets: broken, oversized and hostile files", () => {
  it("refuses oversized and malformed uploads with a reason", async () => {
    const tooMany = [HEADER.join(","), ...Array.from({ length: 20_001 }, (_, i) => `बिहार,जहानाबाद,,,,,,संगठन,सदस्य,,नाम,Name,98765${String(i).padStart(5, "0")},,`)].join("\n");
    const got = {
      sixMegabytes: await parse.parseSheet("a.csv", new Uint8Array(6 * 1024 * 1024).fill(0x41)),
      zipHeaderOnly: await parse.parseSheet("a.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])),
      zipNotWorkbook: await parse.parseSheet("a.xlsx", storedZip("hello.txt", enc("not a workbook"))),
      zipNamedCsv: await parse.parseSheet("a.csv", storedZip("[Content_Types].xml", enc("<Types/>"))),
      xlsxNotZip: await parse.parseSheet("a.xlsx", enc(`${HEADER.join(",")}\n`)),
      rows20001: await parse.parseSheet("a.csv", enc(tooMany)),
      unbalancedQuote: await parse.parseSheet("a.csv", enc(`${HEADER.join(",")}\n"बिहार,जहानाबाद\n`)),
      utf16: await parse.parseSheet("a.csv", new Uint8Array(Buffer.from(`\uFEFF${HEADER.join(",")}\n`, "utf16le"))),
    };
    expect(Object.fromEntries(Object.entries(got).map(([k, r]) => [k, r.ok ? "ok" : r.error]))).toEqual({
      sixMegabytes: "too_big",
      zipHeaderOnly: "unreadable",
      // A zip with no worksheet reads as a workbook without sheets.
      zipNotWorkbook: "empty",
      zipNamedCsv: "empty",
      xlsxNotZip: "unreadable",
      rows20001: "too_many_rows",
      unbalancedQuote: "unreadable",
      utf16: "binary",
    });
  });

  it("every hostile row is an error in the preview, and applying the sheet writes nothing", async () => {
    const editor = viewer("mandalEditor");
    const booth = await get<{ booth: string; code: string; sk: string }>(
      "select b.name_hi as booth, b.code, sk.name_hi as sk from units b join units sk on sk.id = b.parent_id where b.id = ?",
      x.boothIn,
    );
    const wc = await get<{ district: string; assembly: string; mandal: string }>(
      "select d.name_hi as district, a.name_hi as assembly, m.name_hi as mandal from units m join units a on a.id = m.parent_id join units d on d.id = a.parent_id where m.id = ?",
      x.mandalOut.id,
    );
    let n = 0;
    const good = () => ({
      state: "बिहार", district: "जहानाबाद", assembly: "मखदुमपुर", mandal: MANDAL, sk: booth.sk, booth: booth.booth, code: booth.code,
      body: "संगठन", post: "सदस्य", seat: "", nameHi: "नया सदस्य", nameEn: "Naya Sadasya", mobile: `98768 ${String(++n).padStart(5, "0")}`, whatsapp: "", since: "2026-11-01",
    });
    type Row = ReturnType<typeof good>;
    const rows: Array<[string, Row]> = [];
    // A NUL byte would make the whole file "binary"; the other control characters reach the rows.
    const noNul = (v: string) => v.replace(/\u0000/g, "\u0001");
    for (const [name, raw] of Object.entries(TEXT)) {
      const v = noNul(raw);
      rows.push([`nameHi ${name}`, { ...good(), nameHi: v }], [`nameEn ${name}`, { ...good(), nameEn: v }]);
      // Without a code, the booth is found by its name alone.
      if (v !== "") rows.push([`booth ${name}`, { ...good(), booth: v, code: "" }], [`post ${name}`, { ...good(), post: v }], [`body ${name}`, { ...good(), body: v }]);
    }
    for (const [name, v] of Object.entries(MOBILE)) rows.push([`mobile ${name}`, { ...good(), mobile: noNul(v) }]);
    for (const [name, v] of Object.entries(MOBILE)) if (v !== "") rows.push([`whatsapp ${name}`, { ...good(), whatsapp: noNul(v) }]);
    for (const [name, v] of Object.entries(DATE)) if (v !== "" && name !== "dayFirst") rows.push([`since ${name}`, { ...good(), since: v }]);
    for (const v of ["0", "-1", "1e3", "१", "99999", "1.5", "NaN"]) rows.push([`seat ${v}`, { ...good(), seat: v }]);
    rows.push(
      ["a 100k-character cell", { ...good(), nameHi: "क".repeat(100_000) }],
      ["a West Champaran unit", { ...good(), district: WEST_CHAMPARAN, assembly: wc.assembly, mandal: wc.mandal, sk: "", booth: "", code: "" }],
      ["a West Champaran person", { ...good(), mobile: x.personOut.mobile }],
      ["formula guard undone", { ...good(), nameEn: "'=HYPERLINK(\"http://x\",\"y\")" }],
    );
    const csv = stringify([HEADER, ...rows.map(([, r]) => [r.state, r.district, r.assembly, r.mandal, r.sk, r.booth, r.code, r.body, r.post, r.seat, r.nameHi, r.nameEn, r.mobile, r.whatsapp, r.since])]);
    const parsed = await parse.parseSheet("hostile <script>.csv", enc(csv));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const mandalUnit = { id: x.mandal, path: (await get<{ path: string }>("select path from units where id = ?", x.mandal)).path, level: "mandal" as const };

    // The control row alone is a new tenure: each row below fails by its hostile cell.
    expect((await plan.planImport(editor, mandalUnit, [parsed.records[0]].map((r) => ({ ...r, ...rowOf(good()) }))))[0].fate.kind).toBe("new_tenure");
    const planned = await plan.planImport(editor, mandalUnit, parsed.records);
    const notError = planned.map((p, i) => [rows[i][0], p.fate.kind] as const).filter(([, kind]) => kind !== "error");
    expect(notError).toEqual([]);

    let importId = 0;
    const outcome = await attempt(
      async () => {
        importId = await apply.saveImport(editor, await apply.requireImportUnit(editor, x.mandal), "hostile <script>.csv", parsed.records);
        const r = await apply.applyImport(editor, importId);
        return r.ok && r.written === 0 ? { ok: false, code: "nothing_written" } : r;
      },
      undefined,
      (row) => row.action === "import.apply",
    );
    expect(outcome).toBe("refused:nothing_written");
  });

  it("an import id that is not yours, forged, or applied already", async () => {
    const admin = viewer("districtAdmin");
    const editor = viewer("mandalEditor");
    const outcome = await attempt(
      async () => {
        const record = rowOf({
          state: "", district: "", assembly: "", mandal: MANDAL, sk: "", booth: "", code: "", body: "संगठन", post: "अध्यक्ष", seat: "", nameHi: "नाम", nameEn: "Name", mobile: "98769 00001", whatsapp: "", since: "",
        });
        const theirs = await apply.saveImport(admin, await apply.requireImportUnit(admin, x.mandal), "a.csv", [record]);
        const got = [await apply.applyImport(editor, theirs), await apply.applyImport(editor, 0), await apply.applyImport(editor, -1), await apply.applyImport(editor, Number.NaN)];
        expect(got.map((r) => (r.ok ? "ok" : r.code))).toEqual(["not_found", "not_found", "not_found", "not_found"]);
        const mine = await apply.saveImport(editor, await apply.requireImportUnit(editor, x.mandal), "a.csv", []);
        await apply.applyImport(editor, mine);
        const again = await apply.applyImport(editor, mine);
        return again.ok ? { ok: true } : { ok: false, code: again.code };
      },
      undefined,
      (row) => row.action === "import.apply",
    );
    expect(outcome).toBe("refused:already_applied");
  });
});

function rowOf(r: { state: string; district: string; assembly: string; mandal: string; sk: string; booth: string; code: string; body: string; post: string; seat: string; nameHi: string; nameEn: string; mobile: string; whatsapp: string; since: string }) {
  const levels = Object.fromEntries(
    Object.entries({ state: r.state, district: r.district, assembly: r.assembly, mandal: r.mandal, shakti_kendra: r.sk, booth: r.booth }).filter(([, v]) => v !== ""),
  );
  return { line: 2, levels, code: r.code, body: r.body, post: r.post, seat: r.seat, nameHi: r.nameHi, nameEn: r.nameEn, mobile: r.mobile, whatsapp: r.whatsapp, since: r.since };
}
