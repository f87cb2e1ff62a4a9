/**
 * The largest body a server action accepts: Next's default `serverActions.bodySizeLimit`
 * (1 MB, left as it is in next.config.ts). Above it Next answers 500 with an error digest
 * before any action runs, so the forms measure what they send first and say so themselves.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
/** Room for the action's own framing (ids, field names, multipart boundaries). */
const FRAMING_BYTES = 16 * 1024;

/** The form's own message when what it would send is over the limit, else null. */
export function tooLargeToSend(payloadBytes: number): string | null {
  if (payloadBytes + FRAMING_BYTES <= SERVER_ACTION_BODY_LIMIT_BYTES) return null;
  const limitKb = Math.floor((SERVER_ACTION_BODY_LIMIT_BYTES - FRAMING_BYTES) / 1024);
  return `This is too large to send (${Math.ceil(payloadBytes / 1024).toLocaleString("en-US")} KB; at most ${limitKb.toLocaleString("en-US")} KB). Shorten it and send again: nothing was sent, and your text is still here.`;
}

/** UTF-8 size of a string, as it goes over the wire. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
