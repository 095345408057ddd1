import { AsyncLocalStorage } from "node:async_hooks";
import { safeAddress } from "./address";

/**
 * The peer address of the TCP connection a request came on, put in scope by `scripts/serve.mjs`
 * (the server `npm start` runs) around Next's handler. An App Router handler never sees the
 * socket, and `next start` passes a client's own `X-Forwarded-For` through untouched (it only
 * fills the header in when it is missing), so the header alone proves nothing.
 */
const KEY = Symbol.for("sangathan.peerAddress");
type Holder = { [KEY]?: AsyncLocalStorage<string> };

export function peerAddressStore(): AsyncLocalStorage<string> {
  return ((globalThis as Holder)[KEY] ??= new AsyncLocalStorage<string>());
}

/** `TRUST_PROXY_HOPS`: how many reverse proxies in front of the app append to X-Forwarded-For (default 0). */
export function trustProxyHops(raw = process.env.TRUST_PROXY_HOPS): number {
  const n = Number(raw ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/**
 * The client's address: with no trusted proxy the connection's peer; with N trusted proxies the
 * N-th entry from the right of X-Forwarded-For (each proxy appends the address it was reached
 * from; entries further left are the client's own claims). Always a valid IP or "unknown".
 */
export function clientAddress(forwardedFor: string | null, hops = trustProxyHops(), peer = peerAddressStore().getStore()): string {
  if (hops === 0) return safeAddress(peer);
  // Only the last hops entries are read: a header of any length costs no more than that.
  const entries = (forwardedFor ?? "").slice(-64 * hops).split(",").slice(-hops);
  return entries.length === hops ? safeAddress(entries[0]) : "unknown";
}
