import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The malformed-request corpus (SECURITY.md, class 4): what a careless client, a fuzzer or
 * an attacker sends instead of a well-formed request, applied to every page and route the
 * app/ tree declares, so a new route is covered the day it is added.
 */

export interface CorpusRequest {
  /** A short name for the report: what was malformed. */
  label: string;
  method: string;
  /** Sent as is (percent-encodings, `..` and all), not normalised by a URL parser. */
  rawPath: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send the seeded moderator's session cookie. */
  signedIn?: boolean;
}

/** A page or route of the app: its URL template (`/roles/[slug]/history`) and kind. */
export interface AppRoute {
  template: string;
  kind: "page" | "handler";
}

/**
 * Every page (`page.tsx`), route handler (`route.ts`) and metadata route (`robots.ts`,
 * `sitemap.ts`) under app/, as URL templates: route groups dropped, dynamic segments kept.
 */
export function listAppRoutes(root = process.cwd()): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
        continue;
      }
      const template = `/${segments.join("/")}`;
      if (/^page\.tsx?$/.test(entry.name)) routes.push({ template, kind: "page" });
      else if (/^route\.ts$/.test(entry.name)) routes.push({ template, kind: "handler" });
      else if (segments.length === 0 && /^(robots|sitemap)\.ts$/.test(entry.name)) routes.push({ template: `/${entry.name.replace(/\.ts$/, entry.name.startsWith("robots") ? ".txt" : ".xml")}`, kind: "handler" });
    }
  };
  walk(path.join(root, "app"), []);
  // next.config.ts rewrites /roles/<slug>.md to /api/roles-markdown/<slug>.
  routes.push({ template: "/roles/[slug].md", kind: "handler" });
  return routes.sort((a, b) => a.template.localeCompare(b.template));
}

/** A well-formed value for each dynamic segment name; a new segment name without one fails the spec. */
export const SEGMENT_SAMPLES: Record<string, string[]> = {
  slug: ["test-widget-engineers"],
  code: ["99-0001.00"],
  id: ["c0ffee00000000000000000000"],
  path: ["fast-to-start"],
  number: ["1"],
  "...path": ["nope", "roles/99-0001.00/extra"],
  "...nextauth": ["session", "csrf", "providers", "signin", "signin/nodemailer", "callback/nodemailer", "error", "signout", "verify-request"],
};

const dynamicSegment = /\[([^\]]+)\]/g;

/** The template with each dynamic segment filled by `fill(name)`, or one URL per sample combination. */
export function fillTemplate(template: string, fill: (name: string) => string): string {
  return template.replace(dynamicSegment, (_, name: string) => fill(name));
}

export function sampleUrls(template: string): string[] {
  const names = [...template.matchAll(dynamicSegment)].map((match) => match[1]!);
  let urls = [template];
  for (const name of names) {
    const samples = SEGMENT_SAMPLES[name];
    if (!samples) throw new Error(`no sample value for the dynamic segment [${name}] of ${template}: add one to SEGMENT_SAMPLES`);
    urls = urls.flatMap((url) => samples.map((sample) => url.replace(`[${name}]`, sample)));
  }
  return urls;
}

const LONG = "x".repeat(10_000);

/** Path segments no route accepts: invalid UTF-8, NUL, encoded separators and dots, control and bidi characters, overlong. */
export const MALFORMED_SEGMENTS = [
  "%FF",
  "%C0%AF",
  "%ED%A0%80", // a lone surrogate, UTF-8 encoded (invalid UTF-8)
  "%E0%80",
  "a%00b",
  "%00",
  "%2e%2e",
  ".",
  "..md",
  "a%2Fb",
  "a%5Cb",
  "%25",
  "%",
  "%zz",
  "a%0Ab",
  "%E2%80%AE",
  "%EF%BF%BD",
  LONG,
];

/**
 * Every query parameter name the app reads (pages, handlers, Auth.js). Values are tried one
 * name at a time, so one refused parameter cannot hide another.
 */
export const QUERY_KEYS = [
  ...["q", "page", "roles", "group", "zone", "bright", "status", "sort", "from", "to", "kind", "occupation", "author", "minAgeHours", "callbackUrl", "error", "limit", "wait", "role", "token", "email", "provider"],
  ...["state", "add", "minPay", "interest", "sector", "path", "years", "inflation", "discount", "whose", "submission", "what"],
];

/** Values tried in each parameter on its own. */
export const MALFORMED_VALUES_EACH = ["a%00b", "%FF", "%ED%A0%80", LONG];

/** Values and shapes tried in every parameter at once. */
export const MALFORMED_QUERIES_ALL: { label: string; query: (key: string) => string }[] = [
  { label: "NUL alone", query: (key) => `${key}=%00` },
  { label: "overlong encoding", query: (key) => `${key}=%C0%AF` },
  { label: "negative", query: (key) => `${key}=-1` },
  { label: "infinite", query: (key) => `${key}=1e309` },
  { label: "huge", query: (key) => `${key}=99999999999` },
  { label: "NaN", query: (key) => `${key}=NaN` },
  { label: "repeated key", query: (key) => `${key}=a&${key}=b` },
  { label: "array", query: (key) => `${key}[]=a&${key}[]=b` },
  { label: "object", query: (key) => `${key}[a]=1` },
  { label: "no value", query: (key) => key },
  { label: "bad percent", query: (key) => `${key}=%` },
  { label: "%u escape", query: (key) => `${key}=%uD800` },
  { label: "unparseable URL", query: (key) => `${key}=http%3A%2F%2F%5B%3A%3A1` },
  { label: "javascript URL", query: (key) => `${key}=javascript%3Aalert(1)` },
];

/** Cookies a client may send broken: each on its own request. */
export const MALFORMED_COOKIES = [
  "authjs.session-token=%FF",
  "authjs.session-token=%00",
  "authjs.session-token=a%00b",
  `authjs.session-token=${"a".repeat(10_000)}`,
  "__Secure-authjs.session-token=%ED%A0%80",
  "authjs.csrf-token=%FF",
  "authjs.callback-url=http%3A%2F%2F%5B",
  "authjs.callback-url=%00",
  "=; ==; a",
  `big=${"b".repeat(10_000)}`,
];

/** Headers that must not matter. */
export const MALFORMED_HEADERS: Record<string, string>[] = [
  { range: "bytes=abc" },
  { range: "bytes=99999999999999999999-" },
  { range: "bytes=5-1" },
  { range: "items=0-1,2-" },
  { "if-none-match": '"' },
  { "if-none-match": "W/" },
  { "if-none-match": `"${"e".repeat(5000)}"` },
  { "if-modified-since": "not a date" },
  { "accept-encoding": "%FF" },
  { accept: "text/x-component" },
  { rsc: "1" },
  { "next-router-state-tree": "%FF" },
  { "next-router-state-tree": "[[[" },
  { "next-router-prefetch": "1", rsc: "1", "next-router-state-tree": "{" },
  { "x-forwarded-host": "%FF" },
  { "x-forwarded-proto": "%00" },
];

/** Garbage Next-Action ids (a POST to any page with one asks for a server action). */
export const GARBAGE_ACTION_IDS = ["x", "00", "%FF", "0".repeat(42), "f".repeat(10_000), "../../../etc/passwd"];

/** Bodies that are not what a server action or an Auth.js POST expects. */
export const MALFORMED_BODIES: { label: string; contentType: string; body: string }[] = [
  { label: "broken JSON", contentType: "application/json", body: "{" },
  { label: "JSON with NUL", contentType: "application/json", body: '["a\\u0000b"]' },
  { label: "JSON lone surrogate", contentType: "application/json", body: '["\\ud800"]' },
  { label: "deep JSON", contentType: "application/json", body: "[".repeat(5000) + "]".repeat(5000) },
  { label: "text/plain garbage", contentType: "text/plain;charset=UTF-8", body: "\u0000\u0001garbage" },
  { label: "form with NUL", contentType: "application/x-www-form-urlencoded", body: "email=a%00b%40example.test&callbackUrl=%FF&csrfToken=%00" },
  { label: "broken multipart", contentType: "multipart/form-data; boundary=x", body: "--x\r\nContent-Disposition: form-data; name=\"1\"\r\n\r\n{" },
  { label: "multipart without boundary", contentType: "multipart/form-data", body: "garbage" },
];
