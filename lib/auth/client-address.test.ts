import { expect, it } from "vitest";
import { clientAddress, peerAddressStore, trustProxyHops } from "@/lib/auth/client-address";

it("with no trusted proxy the connection's peer counts, whatever X-Forwarded-For claims", () => {
  for (let i = 0; i < 30; i++) expect(clientAddress(`10.9.${i}.1`, 0, "198.51.100.7")).toBe("198.51.100.7");
  expect(clientAddress(null, 0, "::ffff:198.51.100.7")).toBe("198.51.100.7");
  expect(clientAddress(null, 0, "2001:DB8::1")).toBe("2001:db8::1");
  // No peer in scope (not run by scripts/serve.mjs): one "unknown" bucket, never the header.
  expect(clientAddress("10.9.0.1", 0, undefined)).toBe("unknown");
});

it("the peer comes from the scope scripts/serve.mjs opens around each request", () => {
  expect(peerAddressStore().run("203.0.113.9", () => clientAddress("10.0.0.1", 0))).toBe("203.0.113.9");
  expect(clientAddress("10.0.0.1", 0)).toBe("unknown");
});

it("with N trusted proxies the N-th address from the right of X-Forwarded-For counts, validated", () => {
  expect(clientAddress("203.0.113.1", 1, "10.0.0.2")).toBe("203.0.113.1");
  expect(clientAddress("6.6.6.6, 203.0.113.1", 1, "10.0.0.2")).toBe("203.0.113.1");
  expect(clientAddress("6.6.6.6, 203.0.113.1, 10.0.0.3", 2, "10.0.0.2")).toBe("203.0.113.1");
  expect(clientAddress("203.0.113.1", 2, "10.0.0.2")).toBe("unknown");
  expect(clientAddress(null, 1, "10.0.0.2")).toBe("unknown");
  expect(clientAddress("<script>", 1, "10.0.0.2")).toBe("unknown");
  expect(clientAddress(`${"x".repeat(12 * 1024)}, 203.0.113.1`, 1, "10.0.0.2")).toBe("203.0.113.1");
  expect(clientAddress(`203.0.113.1${"x".repeat(12 * 1024)}`, 1, "10.0.0.2")).toBe("unknown");
});

it("TRUST_PROXY_HOPS defaults to 0 and takes only a small whole number", () => {
  expect(trustProxyHops(undefined)).toBe(0);
  expect(trustProxyHops("1")).toBe(1);
  expect(trustProxyHops("-1")).toBe(0);
  expect(trustProxyHops("abc")).toBe(0);
});
