/** Failed logins allowed per account within the window before further tries must wait. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES = 5;
/** Failed logins allowed per client address within the window (many people may share one). */
export const MAX_FAILURES_PER_ADDRESS = MAX_FAILURES * 4;
/** Login attempts are kept this long (the audit log keeps failures and refusals for good). */
export const LOGIN_ATTEMPTS_KEEP_DAYS = 30;
/**
 * Sessions last 12 hours from login at most (not from the last refresh), and end early on logout
 * or when the account's session epoch moves on (password reset, disabling).
 */
export const SESSION_MAX_AGE = 12 * 60 * 60;

/**
 * A browser left alone longer than this is logged out at its next request (proxy.ts), and the
 * offline worker stops serving its saved pages after as long without reaching the server.
 */
export const IDLE_SECONDS = 2 * 60 * 60;

/**
 * The longest page address a login comes back to (?next=). No page of the app has a longer one; a
 * longer one is left out of the login redirect (proxy.ts), which would otherwise grow past what the
 * server takes in a request line (431) after its own encoding.
 */
export const MAX_NEXT_LENGTH = 500;
