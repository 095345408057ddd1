import "server-only";
import { headers } from "next/headers";
import pino from "pino";

/**
 * Structured logs: one JSON line per event on stdout (journald keeps them under systemd), each
 * with the request id the proxy gave the request. Ids only, never names, mobiles or passwords.
 */
const base = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "sangathan" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["*.mobile", "*.password", "*.nameHi", "*.nameEn", "mobile", "password"], censor: "[redacted]" },
});

async function requestId(): Promise<string | undefined> {
  try {
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined; // outside a request (scripts, build)
  }
}

type Fields = Record<string, unknown>;

export const log = {
  async info(event: string, fields: Fields = {}) {
    base.info({ event, requestId: await requestId(), ...fields });
  },
  async warn(event: string, fields: Fields = {}) {
    base.warn({ event, requestId: await requestId(), ...fields });
  },
  async error(event: string, error: unknown, fields: Fields = {}) {
    const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { message: String(error) };
    base.error({ event, requestId: await requestId(), err, ...fields });
  },
};
