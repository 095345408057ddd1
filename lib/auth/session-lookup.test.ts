import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, statement } from "@/db";
import { DatabaseUnreachable } from "@/db/errors";
import { withTestDatabase } from "@/lib/testing/demo-db";
import { revokeSession, sessionMayContinue } from "./login";
import { sessionAccount } from "./session-account";

/**
 * The session lookup when the database does not answer (issue 15's review: PostgreSQL down showed
 * a logged-out look). A lookup that fails must not read as "not logged in": the page's lookup
 * throws DatabaseUnreachable (the layout then says so, with 503), and next-auth's check keeps the
 * cookie. With the database up, a revoked session still ends.
 */
withTestDatabase();

const liveUrl = { value: "" };
afterEach(async () => {
  if (liveUrl.value) process.env.DATABASE_URL = liveUrl.value;
  await closeDb();
});

/** A PostgreSQL URL nobody answers at: a port the OS just gave out and took back. */
async function deadPostgresUrl(): Promise<string> {
  const port = await new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  return `postgres://app@127.0.0.1:${port}/sangathan`;
}

async function withDeadDatabase<T>(work: () => Promise<T>): Promise<T> {
  liveUrl.value = process.env.DATABASE_URL ?? "";
  process.env.DATABASE_URL = await deadPostgresUrl();
  return work();
}

const firstAccount = async () => (await statement<[], { id: number; epoch: number }>("select id, session_epoch as epoch from accounts order by id limit 1").get())!;

describe("the session lookup", () => {
  it("with the database up: a live session finds its account; a revoked one is refused on both checks", async () => {
    const { id, epoch } = await firstAccount();
    expect((await sessionAccount({ id, epoch, sid: "live-sid" }))?.viewer.accountId).toBe(id);
    expect(await sessionMayContinue(id, epoch, "live-sid")).toBe(true);
    await revokeSession("gone-sid");
    expect(await sessionAccount({ id, epoch, sid: "gone-sid" })).toBeNull();
    expect(await sessionMayContinue(id, epoch, "gone-sid")).toBe(false);
  });

  it("on a dead pool: the page's lookup throws DatabaseUnreachable instead of answering 'no session'", async () => {
    const { id, epoch } = await firstAccount();
    await withDeadDatabase(async () => {
      await expect(sessionAccount({ id, epoch, sid: "live-sid" })).rejects.toBeInstanceOf(DatabaseUnreachable);
    });
  });

  it("on a dead pool: next-auth's check keeps the session (its cookie is not cleared)", async () => {
    const { id, epoch } = await firstAccount();
    await withDeadDatabase(async () => {
      expect(await sessionMayContinue(id, epoch, "live-sid")).toBe(true);
    });
  });
});
