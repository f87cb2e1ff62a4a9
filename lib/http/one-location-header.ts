import { OutgoingMessage } from "node:http";

const INSTALLED = Symbol.for("careerwiki.oneLocationHeader");

type AppendHeader = (this: OutgoingMessage, name: string, value: string | readonly string[]) => OutgoingMessage;

/**
 * Every response carries at most one `Location` (it names one URI, RFC 9110 §10.2.2).
 * Next 16.4.6 sets it when an ISR page redirects (`/roles/<code>` and old slugs go to the
 * current slug) and then appends it again from the new cache entry, so the first request of
 * a cold cache got two; Node's `fetch` joins them into `/roles/x, /roles/x` and lands on a
 * 404 (vercel/next.js#82117, still open). Appending a Location to a response that has one
 * replaces it instead. Installed once per server process by instrumentation.ts.
 */
export function keepOneLocationHeader() {
  const prototype = OutgoingMessage.prototype as OutgoingMessage & { appendHeader: AppendHeader; [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  const appendHeader = prototype.appendHeader;
  prototype.appendHeader = function (name, value) {
    if (name.toLowerCase() === "location" && this.hasHeader("location")) {
      this.setHeader("location", typeof value === "string" ? value : (value.at(-1) ?? ""));
      return this;
    }
    return appendHeader.call(this, name, value);
  };
  prototype[INSTALLED] = true;
}
