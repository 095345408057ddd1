/**
 * The production server `npm start` runs: Next's request handler behind a plain node:http server
 * that puts each connection's peer address in scope (lib/auth/client-address.ts reads it), so
 * the login limits count the real client and not a header the client wrote itself.
 *   PORT (or -p/--port, default 3000); HOSTNAME (or -H/--hostname, default 127.0.0.1: only this
 *   machine; 0.0.0.0 or :: to listen on every interface, e.g. behind a reverse proxy elsewhere).
 */
import http from "node:http";
import { AsyncLocalStorage } from "node:async_hooks";

process.env.NODE_ENV ??= "production";

function option(short, long) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === short || args[i] === long) return args[i + 1];
    if (args[i].startsWith(`${long}=`)) return args[i].slice(long.length + 1);
  }
  return undefined;
}

const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = option("-H", "--hostname") ?? process.env.HOSTNAME ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), not "${port}".`);
  process.exit(1);
}

const key = Symbol.for("sangathan.peerAddress");
const peers = (globalThis[key] ??= new AsyncLocalStorage());

const { default: next } = await import("next");
const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  peers.run(req.socket.remoteAddress ?? "", () => {
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
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
