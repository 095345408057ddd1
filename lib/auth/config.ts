import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { log } from "@/lib/log";
import { clientAddress } from "./client-address";
import { SESSION_MAX_AGE } from "./limits";
import { authenticate, sessionMayContinue } from "./login";

export class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({
  mobile: z.string().max(40),
  password: z.string().min(1).max(200),
});

// Sessions are JWTs in an HttpOnly cookie, SESSION_MAX_AGE (12 hours) from login at most, ended
// early on logout (that session's id is revoked) or when the account's session epoch moves on.

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an expected outcome (logged to the audit table), not a server error.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      void log.error("auth.error", (error as { cause?: { err?: unknown } }).cause?.err ?? error);
    },
  },
  providers: [
    Credentials({
      credentials: { mobile: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        // The connection's peer, or the address a trusted proxy saw (TRUST_PROXY_HOPS); never the client's own claim.
        const address = clientAddress(request.headers.get("x-forwarded-for"));
        const result = await authenticate(parsed.data.mobile, parsed.data.password, address);
        if (result.kind === "rate_limited") throw new RateLimited();
        if (result.kind !== "ok") return null;
        return { id: String(result.accountId), name: result.name, epoch: result.epoch };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.loginAt = Date.now();
        token.sid = randomUUID();
        token.epoch = (user as { epoch?: number }).epoch ?? 0;
      }
      // next-auth re-signs a JWT session with a fresh maxAge on refresh; the login time does not move.
      if (typeof token.loginAt !== "number" || Date.now() - token.loginAt > SESSION_MAX_AGE * 1000) return null;
      // Every auth route (/api/auth/session too) ends a session revoked at logout, of a disabled
      // account, or signed before the account's epoch moved on: null clears the cookie. A database
      // that does not answer ends nothing (the pages say it is unreachable).
      if (!(await sessionMayContinue(Number(token.sub), token.epoch, token.sid))) return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      Object.assign(session, { epoch: typeof token.epoch === "number" ? token.epoch : 0, sid: typeof token.sid === "string" ? token.sid : "" });
      return session;
    },
  },
});
