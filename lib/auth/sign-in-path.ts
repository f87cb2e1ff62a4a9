import { safeReturnPath } from "./callback-url";

/** Where to send someone who must sign in first, returning them to `next` (checked like every return address) afterwards. */
export function signInPath(next: string) {
  return `/sign-in?callbackUrl=${encodeURIComponent(safeReturnPath(next) ?? "/")}`;
}
