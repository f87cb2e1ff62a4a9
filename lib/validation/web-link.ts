import { z } from "zod";
import { typedText } from "./text";

/**
 * A web address a person types (a source, a reference): spaces at the ends are trimmed; spaces
 * or control characters (NUL) inside are refused, and only http and https are links. `link` and
 * `address` name the field in the messages ("The source link …", "The source must be …").
 */
export function webLinkText({ max, link, address }: { max: number; link: string; address: string }) {
  return typedText()
    .transform((url) => url.trim())
    .pipe(
      z
        .string()
        .max(max, `${link} can be at most ${max} characters.`)
        .regex(/^[^\s\u0000-\u001F\u007F-\u009F]*$/, `${link} cannot contain spaces or control characters (such as NUL).`)
        .pipe(z.url({ protocol: /^https?$/, message: `${address} must be a web address starting with http:// or https://.` })),
    );
}
