/**
 * The production server `npm start` runs: Next's request handler behind a plain node:http server
 * that puts each connection's peer address in scope (lib/auth/client-address.ts reads it), so
 * the login limits count the real client and not a header the client wrote itself. It also gives
 * each request a flag the data layer sets when the database did not answer (db/errors.ts): such a
 * page (Next sends 200 or 500) goes out as 503 Service Unavailable, which proxies and monitors
 * read as "try again", and no cache keeps.
 *   PORT (or -p/--port, default 3000); HOSTNAME (or -H/--hostname, default 127.0.0.1: only this
 *   machine; 0.0.0.0 or :: to listen on every interface, e.g. behind a reverse proxy elsewhere).
 */
import http from "node:http";
import { AsyncLocalStorage } from "node:async_hooks";
import { parseArgs } from "node:util";
import { answerUnavailableAs503 } from "./unavailable-response.mjs";

process.env.NODE_ENV ??= "production";

// -p/--port and -H/--hostname; anything else on the command line is left alone.
const { values: flags } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  strict: false,
  allowPositionals: true,
});
const option = (name) => (typeof flags[name] === "string" ? flags[name] : undefined);

const port = Number(option("port") ?? process.env.PORT ?? 3000);
const hostname = option("hostname") ?? process.env.HOSTNAME ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), not "${port}".`);
  process.exit(1);
}

const key = Symbol.for("sangathan.peerAddress");
const peers = (globalThis[key] ??= new AsyncLocalStorage());
// The same store as db/errors.ts's unavailableStore().
const unavailableKey = Symbol.for("sangathan.databaseUnavailable");
const unavailable = (globalThis[unavailableKey] ??= new AsyncLocalStorage());

const { default: next } = await import("next");
const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const seen = { unavailable: false };
  answerUnavailableAs503(req, res, seen);
  peers.run(req.socket.remoteAddress ?? "", () =>
    unavailable.run(seen, () => {
      handle(req, res).catch((error) => {
        console.error(error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    }),
  );
});
server.on("error", (error) => {
  console.error(`Cannot listen on ${hostname}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
  console.log(`Ready on http://${shown}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
