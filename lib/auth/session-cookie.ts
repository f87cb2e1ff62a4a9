/**
 * The session cookie Auth.js sets: `authjs.session-token` on http, and with the `__Secure-`
 * prefix when the site is served over https. Its value is the `Session.sessionToken` row key.
 */
export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/**
 * True for what Auth.js makes a session token of (a UUID; tests use hex): a cookie that is
 * anything else (a NUL, invalid UTF-8, 10 kB) is no session and never reaches a query.
 */
export function isSessionToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,512}$/.test(value);
}

/** The session token from a cookie jar, preferring the https cookie when both exist. */
export function readSessionToken(cookies: { get(name: string): { value: string } | undefined }): string | null {
  const value = cookies.get(SECURE_SESSION_COOKIE)?.value ?? cookies.get(SESSION_COOKIE)?.value;
  return value && isSessionToken(value) ? value : null;
}
