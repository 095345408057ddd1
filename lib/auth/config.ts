import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "./login";

export class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({
  mobile: z.string().max(40),
  password: z.string().min(1).max(200),
});

// Sessions are stateless JWTs in an HttpOnly cookie: 12 hours at most; logout clears the cookie.
export const SESSION_MAX_AGE = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an expected outcome (logged to the audit table), not a server error.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error.name, error.message);
    },
  },
  providers: [
    Credentials({
      credentials: { mobile: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const address = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
        const result = await authenticate(parsed.data.mobile, parsed.data.password, address);
        if (result.kind === "rate_limited") throw new RateLimited();
        if (result.kind !== "ok") return null;
        return { id: String(result.accountId), name: result.name };
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
