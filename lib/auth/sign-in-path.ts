/** Where to send someone who must sign in first, returning them to `next` afterwards. */
export function signInPath(next: string) {
  return `/sign-in?callbackUrl=${encodeURIComponent(next)}`;
}
