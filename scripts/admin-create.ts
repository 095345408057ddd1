/**
 * Makes a state admin from the command line: the first account of a new production database,
 * before anyone can log in to make accounts in the app.
 *
 *   npm run admin:create -- --mobile 98765 43210 --name "नाम" [--name-en "Name"]
 *                           [--password-file path] [--state-hi बिहार --state-en Bihar]
 *
 * The password comes from --password-file, else the ADMIN_PASSWORD environment variable, else it
 * is asked for on the terminal (or read as the first line of piped stdin). The database
 * (DATABASE_URL, default data/sangathan.db; or postgres://…) is migrated first; when it holds no units, the state
 * unit is created (बिहार/Bihar unless --state-hi/--state-en say otherwise). The person is found by
 * mobile or created; the account gets admin on the state unit; an audit row records it.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, databaseFile, migrateDb, openSqlite } from "../db/connection";
import { dialectOf } from "../db/dialect";
import { type Engine, engineKindOf } from "../db/engine";
import { createPostgresEngine } from "../db/engine-pg";
import { createSqliteEngine } from "../db/engine-sqlite";
import { PostgresStartupError, preparePostgres } from "../db/pg/prepare";
import { hashPasswordSync, MIN_PASSWORD_LENGTH } from "../lib/auth/password";
import { MAX_PASSWORD_LENGTH, passwordProblem, type PasswordProblem } from "../lib/auth/password-policy";
import { formatMobile } from "../lib/people/phone";
import { mobileSchema } from "../lib/validation/accounts";
import { latinName } from "../lib/search/transliterate";

const OPTIONS = {
  mobile: { type: "string" },
  name: { type: "string" },
  "name-en": { type: "string" },
  "password-file": { type: "string" },
  "state-hi": { type: "string" },
  "state-en": { type: "string" },
  help: { type: "boolean" },
} as const;
type Args = Partial<Record<keyof typeof OPTIONS, string>>;

class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

/** Options with their words: npm splits "--mobile 98765 43210" into two words, so a value runs to the next option. */
function readArgs(argv: string[]): Args {
  let tokens;
  try {
    ({ tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), true);
  }
  const out: Args = {};
  let current: keyof Args | null = null;
  for (const token of tokens) {
    if (token.kind === "option") {
      current = token.name as keyof Args;
      out[current] = token.value ?? "";
    } else if (token.kind === "positional") {
      if (!current || current === "help") throw new UsageError(`unexpected argument "${token.value}"`, true);
      out[current] = out[current] ? `${out[current]} ${token.value}` : token.value;
    }
  }
  return out;
}

const POLICY: Record<PasswordProblem, string> = {
  password_short: `the password must have at least ${MIN_PASSWORD_LENGTH} characters`,
  password_long: `the password must have at most ${MAX_PASSWORD_LENGTH} characters`,
  password_mobile: "the password must not contain the mobile number",
  password_common: "the password is one of the commonest passwords: choose another",
};

/** The app's password policy (lib/auth/password-policy.ts), and more for the first admin of a database. */
function weakness(password: string, mobile: string): string | null {
  if (/sangathan-demo/i.test(password)) return "the demo password cannot be an admin's password";
  const problem = passwordProblem(password, mobile);
  if (problem) return POLICY[problem];
  if (new Set(password).size < 4) return "the password repeats too few different characters";
  return null;
}

async function readPipedLine(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? "";
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003") return finish(new UsageError("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = Array.from(value).slice(0, -1).join("");
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(args: Args): Promise<string> {
  if (args["password-file"]) {
    const file = path.resolve(process.cwd(), args["password-file"]);
    // A trailing newline from `echo … > file` is not part of the password.
    return fs.readFileSync(file, "utf8").replace(/\r?\n$/, "");
  }
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) return readPipedLine();
  const first = await promptHidden("Password for the new admin: ");
  const again = await promptHidden("Type it again: ");
  if (first !== again) throw new UsageError("the two passwords differ");
  return first;
}

const USAGE = `Usage: npm run admin:create -- --mobile 98765 43210 --name "नाम" [--name-en "Name"]
         [--password-file path] [--state-hi बिहार] [--state-en Bihar]
The password is read from --password-file, ADMIN_PASSWORD, or asked for.`;

async function main() {
  const args = readArgs(process.argv.slice(2));
  if ("help" in args) {
    console.log(USAGE);
    return;
  }
  const parsedMobile = mobileSchema.safeParse(args.mobile ?? "");
  if (!parsedMobile.success) throw new UsageError("--mobile must be a valid Indian mobile number");
  const mobile = parsedMobile.data;
  const password = await readPassword(args);
  const weak = weakness(password, mobile);
  if (weak) throw new UsageError(weak);
  const nameHi = args.name?.trim() || null;
  const nameEn = args["name-en"]?.trim() || (nameHi ? latinName(nameHi) : null);
  const stateHi = args["state-hi"]?.trim() || null;
  const stateEn = args["state-en"]?.trim() || null;

  const engine = await openMigrated();
  try {
    const passwordHash = hashPasswordSync(password);
    const report = await engine.transaction(() => createAdmin(engine, { mobile, nameHi, nameEn, stateHi, stateEn, passwordHash }));
    for (const line of report) console.log(line);
    console.log(`Log in with the mobile ${formatMobile(mobile)} and the password you chose.`);
  } finally {
    await engine.close();
  }
}

/** The database of DATABASE_URL, migrated (PostgreSQL: by db/pg/prepare.ts, without seeding), as an engine. */
async function openMigrated(): Promise<Engine> {
  const url = process.env.DATABASE_URL;
  if (engineKindOf(url) === "postgres") {
    console.log(await preparePostgres(url!, { seed: "none" }));
    return createPostgresEngine(url!, { max: 1 });
  }
  const file = databaseFile();
  const sqlite = openSqlite(file);
  try {
    migrateDb(createDb(sqlite));
  } finally {
    sqlite.close();
  }
  console.log(`Database ${path.relative(process.cwd(), file)} is migrated.`);
  return createSqliteEngine(file);
}

type NewAdmin = { mobile: string; nameHi: string | null; nameEn: string | null; stateHi: string | null; stateEn: string | null; passwordHash: string };

/** The state unit (made when there is none), the person, the account with admin on the state, its audit row; what was done, line by line. */
async function createAdmin(engine: Engine, input: NewAdmin): Promise<string[]> {
  const { mobile, nameHi, nameEn, stateHi, stateEn, passwordHash } = input;
  const lines: string[] = [];
  const one = <R>(sql: string, ...params: unknown[]) => engine.statement<unknown[], R>(sql).get(...params);
  const unitCount = (await one<{ n: number }>("select count(*) as n from units"))!.n;
  let state: { id: number; nameHi: string; nameEn: string };
  if (unitCount === 0) {
    const id = 1;
    state = { id, nameHi: stateHi ?? "बिहार", nameEn: stateEn ?? "Bihar" };
    await engine
      .statement("insert into units (id, parent_id, level, name_hi, name_en, path) values (?, null, 'state', ?, ?, ?)")
      .run(id, state.nameHi, state.nameEn, `/${id}/`);
    await one(dialectOf(engine.kind).resetIdentities());
    lines.push(`Created the state unit ${state.nameHi} / ${state.nameEn} (id ${id}).`);
  } else {
    const roots = await engine
      .statement<[], { id: number; nameHi: string; nameEn: string }>("select id, name_hi as \"nameHi\", name_en as \"nameEn\" from units where parent_id is null order by id")
      .all();
    const wanted = roots.filter((r) => (!stateHi || r.nameHi === stateHi) && (!stateEn || r.nameEn === stateEn));
    if (wanted.length !== 1) {
      throw new UsageError(
        `name the state unit with --state-hi/--state-en; the database holds: ${roots.map((r) => `${r.nameHi} / ${r.nameEn}`).join(", ")}`,
      );
    }
    state = wanted[0];
    lines.push(`Using the state unit ${state.nameHi} / ${state.nameEn} (id ${state.id}).`);
  }

  let person = await one<{ id: number; nameHi: string }>("select id, name_hi as \"nameHi\" from people where mobile = ?", mobile);
  if (person) {
    lines.push(`Using the person ${person.nameHi} (id ${person.id}) who has this mobile.`);
  } else {
    if (!nameHi || !nameEn) throw new UsageError("no person has this mobile yet: give --name (and --name-en) to add one");
    const { id } = (await one<{ id: number }>("insert into people (name_hi, name_en, mobile, home_unit_id) values (?, ?, ?, ?) returning id", nameHi, nameEn, mobile, state.id))!;
    person = { id, nameHi };
    lines.push(`Added the person ${nameHi} / ${nameEn} (id ${id}).`);
  }

  if (await one("select 1 as found from accounts where login = ? or person_id = ?", mobile, person.id)) {
    throw new UsageError(`an account for ${formatMobile(mobile)} already exists; change it in the app`);
  }
  const accountId = (await one<{ id: number }>(
    "insert into accounts (person_id, login, display_name, password_hash) values (?, ?, ?, ?) returning id",
    person.id,
    mobile,
    person.nameHi,
    passwordHash,
  ))!.id;
  const grantId = (await one<{ id: number }>("insert into grants (account_id, unit_id, role, body_id) values (?, ?, 'admin', null) returning id", accountId, state.id))!.id;
  await engine
    .statement(
      `insert into audit_log (actor_account_id, action, target_type, target_id, unit_id, after, outcome)
       values (null, 'account.create_cli', 'account', ?, ?, ?, 'ok')`,
    )
    .run(
      accountId,
      state.id,
      JSON.stringify({ login: mobile, name: person.nameHi, personId: person.id, grant: { grantId, unitId: state.id, unit: state.nameHi, role: "admin", body: null } }),
    );
  lines.push(`Created the account ${formatMobile(mobile)} (id ${accountId}) with admin access to ${state.nameHi}.`);
  return lines;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`admin:create: ${error.message}`);
    if (error.showUsage) console.error(USAGE);
  } else if (error instanceof PostgresStartupError) {
    console.error(`admin:create: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
