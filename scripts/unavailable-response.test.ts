import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerUnavailableAs503 } from "./unavailable-response.mjs";

// A server shaped like scripts/serve.mjs: each request says whether the database failed it
// (`x-fail`), how the app answered (`x-status`), and the app writes its own body.
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const seen = { unavailable: req.headers["x-fail"] === "1" };
    answerUnavailableAs503(req, res, seen);
    res.statusCode = Number(req.headers["x-status"] ?? 200);
    res.setHeader("content-type", "text/plain");
    res.setHeader("content-length", "21");
    res.write("Internal ");
    res.end("Server Error");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ask = async (method: string, headers: Record<string, string>) => {
  const res = await fetch(`${base}/units/1`, { method, headers });
  return { status: res.status, type: res.headers.get("content-type"), retry: res.headers.get("retry-after"), body: await res.text() };
};

describe("a request the database failed", () => {
  it("a form sent without JavaScript: 503, both languages, nothing saved, reload to send again", async () => {
    const r = await ask("POST", { "x-fail": "1", "x-status": "500" });
    expect(r.status).toBe(503);
    expect(r.retry).toBe("30");
    expect(r.type).toBe("text/html; charset=utf-8");
    expect(r.body).not.toContain("Internal Server Error");
    expect(r.body).toContain("निर्देशिका अभी डेटाबेस तक नहीं पहुँच पा रही");
    expect(r.body).toContain("The directory cannot reach its database right now");
    expect(r.body).toContain("कुछ भी सहेजा नहीं गया");
  });

  it("a download: the same page without the form's sentence", async () => {
    const r = await ask("GET", { "x-fail": "1", "x-status": "500" });
    expect(r.status).toBe(503);
    expect(r.body).toContain("The directory cannot open right now");
    expect(r.body).not.toContain("Nothing was saved");
  });

  it("the app's own scripts keep Next's answer (they word it by its digest), as 503", async () => {
    const fromScripts: Array<Record<string, string>> = [{ "next-action": "abc" }, { rsc: "1" }];
    for (const headers of fromScripts) {
      const r = await ask("POST", { "x-fail": "1", "x-status": "500", ...headers });
      expect(r.status).toBe(503);
      expect(r.body).toBe("Internal Server Error");
    }
  });

  it("a page the layout answered with the database's sentence (200) becomes 503 with its body", async () => {
    const r = await ask("GET", { "x-fail": "1", "x-status": "200" });
    expect(r.status).toBe(503);
    expect(r.body).toBe("Internal Server Error");
  });

  it("a form's own answer (POST 200) and every request the database did not fail are left alone", async () => {
    expect((await ask("POST", { "x-fail": "1", "x-status": "200" })).status).toBe(200);
    const r = await ask("GET", { "x-status": "500" });
    expect(r.status).toBe(500);
    expect(r.body).toBe("Internal Server Error");
  });
});
