import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { hashPasswordSync } from "../lib/auth/password";
import { ACCOUNTS, loginAs } from "./fixtures/auth";

// The login hardening, attacked over real HTTP against the production server: racing the
// per-account limit, spoofing X-Forwarded-For past the per-address limit, and replaying a
// logged-out cookie against next-auth's own /api/auth/session route.
//
// Each attack comes from its own loopback address (127.0.0.2, 127.0.0.3: Linux routes all of
// 127/8 to lo), so the failures it provokes never count against 127.0.0.1, where the other specs
// log in, and it attacks an account made for it, never a demo account another spec logs in as.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB_FILE = path.resolve(process.cwd(), "data/e2e.db");
const SESSION_COOKIE = "authjs.session-token";

type Answer = { status: number; location: string; setCookie: string[]; body: string };

function send(method: string, url: string, opts: { localAddress: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: PORT, path: url, method, localAddress: opts.localAddress, headers: opts.headers, agent: false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? ""), setCookie: res.headers["set-cookie"] ?? [], body }),
        );
      },
    );
    req.on("error", reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** A CSRF token and its cookie, as next-auth's own sign-in page would fetch them. */
async function csrf(localAddress: string) {
  const res = await send("GET", "/api/auth/csrf", { localAddress });
  const { csrfToken } = JSON.parse(res.body) as { csrfToken: string };
  const cookie = res.setCookie.map((c) => c.split(";")[0]).join("; ");
  return { csrfToken, cookie };
}

function credentialsPost(localAddress: string, token: { csrfToken: string; cookie: string }, mobile: string, password: string, xff?: string) {
  const body = new URLSearchParams({ mobile, password, csrfToken: token.csrfToken, callbackUrl: "/" }).toString();
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    "content-length": String(Buffer.byteLength(body)),
    cookie: token.cookie,
  };
  if (xff) headers["x-forwarded-for"] = xff;
  return send("POST", "/api/auth/callback/credentials", { localAddress, headers, body });
}

const loggedIn = (a: Answer) => a.setCookie.some((c) => c.startsWith(`${SESSION_COOKIE}=`) && !c.startsWith(`${SESSION_COOKIE}=;`));
const rateLimited = (a: Answer) => a.location.includes("code=rate_limited");

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(DB_FILE, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

test("30 racing logins, the right password 15th: at most 5 passwords are checked and the 15th is refused", async () => {
  const mobile = "9000000777";
  withDb((db) =>
    db
      .prepare("insert or ignore into accounts (login, display_name, password_hash) values (?, ?, ?)")
      .run("+919000000777", "दौड़ परीक्षण", hashPasswordSync("race-test-password")),
  );
  const token = await csrf("127.0.0.3");
  const answers = await Promise.all(
    Array.from({ length: 30 }, (_, i) => credentialsPost("127.0.0.3", token, mobile, i === 14 ? "race-test-password" : `wrong-${i}`)),
  );
  const evaluated = answers.filter((a) => !rateLimited(a));
  expect(evaluated.length).toBeLessThanOrEqual(5);
  expect(answers.filter(loggedIn)).toHaveLength(0);
  expect(rateLimited(answers[14]!)).toBe(true);
  const attempts = withDb((db) => (db.prepare("select count(*) as n from login_attempts where login = '+919000000777'").get() as { n: number }).n);
  expect(attempts).toBeLessThanOrEqual(5);
});

test("a new X-Forwarded-For on every try does not escape the per-address limit, and is not what is stored", async () => {
  const token = await csrf("127.0.0.2");
  const answers: Answer[] = [];
  // Thirty different numbers (no per-account limit applies), each claiming a different address.
  for (let i = 0; i < 30; i++) {
    answers.push(await credentialsPost("127.0.0.2", token, `98765${String(43200 + i)}`, "wrong-password", `10.9.${i}.1`));
  }
  const evaluated = answers.filter((a) => !rateLimited(a)).length;
  expect(evaluated).toBe(20);
  expect(answers.slice(20).every(rateLimited)).toBe(true);
  const stored = withDb((db) =>
    db.prepare("select address, count(*) as n from login_attempts where address like '10.9.%' or address = '127.0.0.2' group by address").all(),
  );
  expect(stored).toEqual([{ address: "127.0.0.2", n: 20 }]);
});

test("after logout, /api/auth/session with the copied cookie answers no user and re-issues no cookie", async ({ page, context }) => {
  await loginAs(page, ACCOUNTS.assemblyViewer);
  const old = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
  const copied = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${PORT}`, extraHTTPHeaders: { cookie: `${old.name}=${old.value}` } });
  // Before the logout the copied cookie is a session, so the check below can tell the difference.
  const before = await copied.get("/api/auth/session");
  expect(((await before.json()) as { user?: { name?: string } } | null)?.user?.name).toBe("अभय भारती");

  await page.getByRole("button", { name: "लॉग आउट" }).click();
  await expect(page).toHaveURL(/\/login/);

  const after = await copied.get("/api/auth/session");
  const text = await after.text();
  expect(text).not.toContain("अभय भारती");
  expect(JSON.parse(text) ?? {}).not.toHaveProperty("user");
  const reissued = after
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${SESSION_COOKIE}=`))
    .map((h) => h.value);
  // Either no session cookie at all, or one that deletes it: never a fresh token.
  for (const c of reissued) expect(c).toMatch(new RegExp(`^${SESSION_COOKIE}=;|Max-Age=0|Expires=Thu, 01 Jan 1970`, "i"));
  await copied.dispose();
});

test("/api/auth/session ends a session whose account was disabled or whose epoch moved on", async () => {
  withDb((db) =>
    db
      .prepare("insert or ignore into accounts (login, display_name, password_hash) values (?, ?, ?)")
      .run("+919000000778", "युग परीक्षण", hashPasswordSync("epoch-test-password")),
  );
  const sessionWith = async (cookie: string) => {
    const res = await send("GET", "/api/auth/session", { localAddress: "127.0.0.4", headers: { cookie } });
    return { user: (JSON.parse(res.body) as { user?: { name?: string } } | null)?.user?.name ?? null, reissued: loggedIn(res) };
  };
  const logIn = async () => {
    const answer = await credentialsPost("127.0.0.4", await csrf("127.0.0.4"), "9000000778", "epoch-test-password");
    expect(loggedIn(answer)).toBe(true);
    return answer.setCookie.map((c) => c.split(";")[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
  };

  const first = await logIn();
  expect(await sessionWith(first)).toEqual({ user: "युग परीक्षण", reissued: true });
  // A password reset moves the epoch on: every earlier session ends.
  withDb((db) => db.prepare("update accounts set session_epoch = session_epoch + 1 where login = '+919000000778'").run());
  expect(await sessionWith(first)).toEqual({ user: null, reissued: false });

  const second = await logIn();
  expect(await sessionWith(second)).toEqual({ user: "युग परीक्षण", reissued: true });
  withDb((db) => db.prepare("update accounts set disabled = 1 where login = '+919000000778'").run());
  expect(await sessionWith(second)).toEqual({ user: null, reissued: false });
});

test("300 refused logins, each with a 12 KB X-Forwarded-For, add a few small audit rows", async () => {
  const token = await csrf("127.0.0.5");
  // An unknown number: five failures put it over its limit; every later try is refused unchecked.
  for (let i = 0; i < 5; i++) await credentialsPost("127.0.0.5", token, "9000000780", `wrong-${i}`);
  const size = () =>
    // Login rows not from 127.0.0.1, where the specs running beside this one log in (and fail on purpose).
    withDb(
      (db) =>
        db
          .prepare(
            `select count(*) as rows, coalesce(sum(length(after)), 0) as bytes from audit_log
             where action like 'login.%' and coalesce(json_extract(after, '$.address'), '') <> '127.0.0.1'`,
          )
          .get() as { rows: number; bytes: number },
    );
  const before = size();
  const started = Date.now();
  for (let wave = 0; wave < 30; wave++) {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => credentialsPost("127.0.0.5", token, "9000000780", "wrong", `${wave}.${i}.`.padEnd(12 * 1024, "x"))),
    );
    expect(answers.every(rateLimited)).toBe(true);
  }
  const after = size();
  expect(after.rows - before.rows).toBeLessThanOrEqual(2);
  expect(after.bytes - before.bytes).toBeLessThan(1024);
  const row = withDb(
    (db) => db.prepare("select after from audit_log where action = 'login.rate_limited' order by id desc limit 1").get() as { after: string },
  );
  expect(JSON.parse(row.after)).toMatchObject({ address: "127.0.0.5", count: 300 });
  expect(Date.now() - started).toBeLessThan(60_000);
});
