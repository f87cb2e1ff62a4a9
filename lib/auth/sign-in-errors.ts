import { describeSuspensionEnd } from "@/lib/people/suspension";
import { signInLimitMessage } from "./limit-sign-in-emails";
import { decodeSuspensionNotice } from "./suspension-notice";

/**
 * The message for an `error` that Auth.js (or our `signIn` callback) puts on the sign-in
 * page's query string. Only known codes produce their text: nothing from the URL is echoed.
 */
export function signInErrorMessage(params: { get(name: string): string | null }): string | null {
  const error = params.get("error");
  if (!error) return null;
  switch (error) {
    case "RateLimited": {
      const limit = params.get("limit") === "ip" ? "ip" : "email";
      const wait = Number(params.get("wait"));
      return signInLimitMessage(limit, Number.isFinite(wait) && wait > 0 ? wait : undefined);
    }
    case "Verification":
      return "That sign-in link has expired or was already used. Enter your email to get a new one.";
    case "Suspended": {
      // The reason and end date only from a notice signed by the server (suspension-notice.ts).
      const notice = decodeSuspensionNotice(params.get("notice"));
      if (!notice) return "This account is suspended. If you think this is a mistake, contact the moderators.";
      return `This account is suspended ${describeSuspensionEnd(notice.until)}. Reason: ${notice.reason} If you think this is a mistake, contact the moderators.`;
    }
    case "AccessDenied":
      return "This account cannot sign in. If you think this is a mistake, contact the moderators.";
    case "OAuthAccountNotLinked":
      return "That email address already signs in another way. Use the email link below; you can connect other sign-in methods afterwards.";
    case "EmailSignInError":
    case "EmailSignin":
      return "We could not send the sign-in email. Please try again in a moment.";
    case "Configuration":
      return "Sign-in is not working on our side right now. Please try again later.";
    default:
      return "Sign-in did not work. Please try again.";
  }
}
