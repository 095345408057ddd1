/** Failed logins allowed per account within the window before further tries must wait. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES = 5;
