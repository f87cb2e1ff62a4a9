/** Greeting and signature around a notification email's text. Universal: emails written in SQL use it too. */
export function signedEmailText(text: string): string {
  return ["Hello,", "", text, "", "— Careerwiki"].join("\n");
}
