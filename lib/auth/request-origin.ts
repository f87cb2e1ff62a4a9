import "server-only";
import { headers } from "next/headers";
import { siteOrigin } from "./site-origin";

/** This request's site origin (AUTH_URL when set, else the forwarded or Host header), for recognising our own absolute URLs. */
export async function requestOrigin(): Promise<string> {
  return siteOrigin(await headers());
}
