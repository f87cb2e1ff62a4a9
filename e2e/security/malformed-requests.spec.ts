import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { ZErrorResponseSchema } from "../../lib/http/error-response.types";
import { isMalformedPath, isMalformedQuery } from "../../lib/http/request-params";
import { startProductionServer, type RunningServer } from "../../tests/support/e2e/production-server";
import { listServerActions } from "../../tests/support/e2e/server-actions";
import { seedUser, type SeededUser } from "../../tests/support/seed-users";
import {
  fillTemplate,
  GARBAGE_ACTION_IDS,
  listAppRoutes,
  MALFORMED_BODIES,
  MALFORMED_COOKIES,
  MALFORMED_HEADERS,
  MALFORMED_QUERIES_ALL,
  MALFORMED_SEGMENTS,
  MALFORMED_VALUES_EACH,
  QUERY_KEYS,
  sampleUrls,
  type CorpusRequest,
} from "./malformed-corpus";

// Class 4 of SECURITY.md: a malformed request gets a 4xx (or the page it asked for, ignoring
// what it cannot use), never a 5xx; error answers carry the same security headers as normal
// ones; an address a person opens answers with the site's own 404 page, not Next's default
// or plain text; and the server logs no stack trace for a client's mistake.
//
// The corpus runs against a `next start` of a private copy of the e2e build (serving the
// suite's fixture database), whose output the spec reads: its caches cannot leak into the
// other specs, and what it logs is this corpus's alone.

const DIST_DIR = ".next-e2e";
const CONCURRENCY = 6;
const EXPORT_PATH = /\.(md|atom|txt|xml)$/;

let server: RunningServer;
let moderator: SeededUser;
const serverLog: string[] = [];

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(120_000);
  const databaseUrl = process.env.E2E_DATABASE_URL!;
  server = await startProductionServer(databaseUrl, { distDir: DIST_DIR, isolated: true, onOutput: (line) => serverLog.push(line) });
  moderator = await seedUser({ databaseUrl, role: "MODERATOR", baseUrl: server.baseUrl });
});

test.afterAll(async () => {
  await server?.stop();
});

interface Answer {
  request: CorpusRequest;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request exactly as written (node:http: no URL parser normalises the path). */
function send(request: CorpusRequest): Promise<Answer> {
  const { hostname, port } = new URL(server.baseUrl);
  const headers: Record<string, string> = { ...request.headers };
  if (request.signedIn) headers.cookie = [headers.cookie, `${moderator.cookie.name}=${moderator.sessionToken}`].filter(Boolean).join("; ");
  if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ hostname, port, method: request.method, path: request.rawPath, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ request, status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error(`timed out: ${request.method} ${request.rawPath.slice(0, 120)}`)));
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

async function sendAll(requests: CorpusRequest[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      try {
        answers.push(await send(request));
      } catch (error) {
        // A dropped connection is as bad as a 500.
        answers.push({ request, status: 599, headers: {}, body: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return answers;
}

/** zod's English default messages (an issue the schema gave no words of its own). */
const ZOD_DEFAULT_MESSAGE = /Invalid (input|option|string|key|element|value|union|discriminator)\b|Too (big|small):|Unrecognized keys?:/;

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What is wrong with one answer, or nothing. */
function problemsOf(answer: Answer): string[] {
  const { request, status, headers, body } = answer;
  const problems: string[] = [];
  if (status >= 500) problems.push(`answered ${status}`);
  if (status >= 400) {
    if (!String(headers["content-security-policy"] ?? "").includes("frame-ancestors 'none'")) problems.push(`${status} without the Content-Security-Policy`);
    if (headers["x-content-type-options"] !== "nosniff") problems.push(`${status} without X-Content-Type-Options: nosniff`);
    if (headers["x-frame-options"] !== "DENY") problems.push(`${status} without X-Frame-Options: DENY`);
  }
  const [pathname = "", query = ""] = request.rawPath.split("?");
  // Next's own files and image optimiser (/_next/) answer their own plain 400s and 404s.
  const addressPersonOpens = request.method === "GET" && !/^\/(api|_next)\//.test(pathname) && !EXPORT_PATH.test(pathname) && !request.headers?.rsc;
  if (addressPersonOpens && (status === 404 || status === 400)) {
    // A malformed address gets the site's 404 page rendered on the server (readable without
    // JavaScript); a well-formed one a page refuses (an unknown role) the same page, which
    // Next renders in the browser after a page's notFound().
    // Judged as a browser sends the path: "/roles/./history" is "/roles/history", a well-formed address.
    const malformed = isMalformedPath(new URL(pathname, "http://localhost").pathname) || isMalformedQuery(new URLSearchParams(query));
    if (!String(headers["content-type"]).startsWith("text/html")) problems.push(`${status} as ${headers["content-type"]}, not the site's page`);
    else if (malformed && !(body.includes('data-error-page="404"') && body.includes('class="site-header"'))) problems.push(`${status} is not the site's own error page rendered on the server`);
    else if (!body.includes("<title>Page not found · Careerwiki</title>")) problems.push(`${status} is not the site's own error page`);
  }
  if (Array.isArray(headers.location)) problems.push("more than one Location");
  // Under /api/ (but the Markdown export's own address) every refusal is the API's one JSON error shape.
  if (/^\/api\/(?!roles-markdown\/)/.test(pathname) && status >= 400 && request.method !== "HEAD" && !ZErrorResponseSchema.safeParse(parsedJson(body)).success) problems.push(`${status} under /api/ not in the API's error shape`);
  // What a person reads is the app's own words, never zod's defaults for a shape it did not expect.
  const rawValidation = ZOD_DEFAULT_MESSAGE.exec(body);
  if (rawValidation) problems.push(`shows a validation library's own message: "${rawValidation[0]}…"`);
  return problems;
}

const describe = (request: CorpusRequest) => `${request.method} ${request.rawPath.length > 140 ? `${request.rawPath.slice(0, 140)}…` : request.rawPath} (${request.label}${request.signedIn ? ", moderator" : ""})`;

function buildCorpus(): CorpusRequest[] {
  const routes = listAppRoutes();
  const requests: CorpusRequest[] = [];
  const push = (request: CorpusRequest) => requests.push(request);

  for (const route of routes) {
    // Malformed dynamic segments, anonymous (redirects to sign-in carry the path) and signed in.
    if (route.template.includes("[")) {
      for (const segment of MALFORMED_SEGMENTS) {
        for (const signedIn of [false, true]) push({ label: "malformed segment", method: "GET", rawPath: fillTemplate(route.template, () => segment), signedIn });
      }
    }
    for (const url of sampleUrls(route.template)) {
      // Query parameters: one at a time, then all at once.
      for (const key of QUERY_KEYS) {
        for (const value of MALFORMED_VALUES_EACH) push({ label: `${key}=${value.slice(0, 12)}`, method: "GET", rawPath: `${url}?${key}=${value}`, signedIn: true });
      }
      for (const { label, query } of MALFORMED_QUERIES_ALL) push({ label, method: "GET", rawPath: `${url}?${QUERY_KEYS.map(query).join("&")}`, signedIn: true });
      push({ label: "malformed query", method: "GET", rawPath: `${url}?%FF=%FF&&=&%00`, signedIn: true });
      // A path with junk after the route.
      push({ label: "trailing invalid UTF-8", method: "GET", rawPath: `${url}%FF` });
      push({ label: "trailing segment", method: "GET", rawPath: `${url}/%FF` });
      if (route.kind === "handler") {
        for (const method of ["POST", "PUT", "PATCH", "DELETE"]) push({ label: "wrong method", method, rawPath: url, headers: { "content-type": "application/json" }, body: "{" });
      }
    }
  }

  // Broken cookies and headers, on a reader page, a signed-in page, the session endpoint and a route handler.
  const sampled = ["/", "/roles/test-widget-engineers", "/roles/test-widget-engineers.md", "/me/contributions", "/moderation", "/sign-in", "/api/auth/session", "/api/roles/99-0001.00", "/api/search/suggest?q=widget"];
  for (const rawPath of sampled) {
    for (const cookie of MALFORMED_COOKIES) push({ label: `cookie ${cookie.slice(0, 30)}`, method: "GET", rawPath, headers: { cookie } });
    for (const headers of MALFORMED_HEADERS) push({ label: `header ${Object.keys(headers).join(",")}`, method: "GET", rawPath, headers, signedIn: true });
  }

  // Garbage server-action ids and bodies, and malformed bodies on every POST.
  const actions = listServerActions(DIST_DIR);
  for (const rawPath of ["/", "/roles/test-widget-engineers", "/sign-in", "/me/contributions", "/moderation"]) {
    for (const id of GARBAGE_ACTION_IDS) {
      push({ label: "garbage Next-Action", method: "POST", rawPath, headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" }, body: "[]", signedIn: true });
    }
  }
  for (const action of actions) {
    for (const { label, contentType, body } of MALFORMED_BODIES) {
      push({ label: `${action.exportName}: ${label}`, method: "POST", rawPath: "/", headers: { "next-action": action.id, "content-type": contentType, accept: "text/x-component" }, body, signedIn: true });
    }
  }
  for (const rawPath of ["/api/auth/signin/nodemailer", "/api/auth/signout", "/api/auth/session", "/api/auth/callback/nodemailer", "/api/auth/%FF", "/api/auth/signin/%00"]) {
    for (const { label, contentType, body } of MALFORMED_BODIES) push({ label, method: "POST", rawPath, headers: { "content-type": contentType }, body });
  }

  // Auth.js' endpoints with unparseable callback URLs and tokens.
  for (const query of ["callbackUrl=http%3A%2F%2F%5B", "callbackUrl=%FF", "callbackUrl=%00", "callbackUrl=http%3A%2F%2F%00", "token=%00&email=a%00b", "token=%FF&email=%FF", "token=x&email=x&callbackUrl=%5C%5Cevil", "error=%00"]) {
    for (const endpoint of ["callback/nodemailer", "signin", "signin/nodemailer", "error", "signout", "session", "csrf"]) push({ label: "Auth.js query", method: "GET", rawPath: `/api/auth/${endpoint}?${query}` });
  }
  for (const rawPath of ["/roles/..md", "/roles/.md", "/roles/%2e%2e.md", "/roles/a%2Fb.md", "/roles/%FF.md", "/roles/x/history%FF", "/roles/%FF", "/roles/%C0%AF", "/api/roles/%FF", "/%FF", "/%00", "/api/%FF", "/_next/%FF", "/_next/static/%FF", "/_next/image?url=%FF", "/_next/image?url=%2F%00&w=1&q=1"]) {
    push({ label: "odd address", method: "GET", rawPath });
  }
  return requests;
}

test("malformed requests get a 4xx with the security headers and the site's own 404 page, never a 5xx, and log no stack", async () => {
  test.setTimeout(600_000);
  const corpus = buildCorpus();
  const logStart = serverLog.length;
  const answers = await sendAll(corpus);
  const failures = answers.flatMap((answer) => problemsOf(answer).map((problem) => `${describe(answer.request)}: ${problem}`));
  const serverErrors = answers.filter((answer) => answer.status >= 500).length;
  const byStatus = new Map<number, number>();
  for (const answer of answers) byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
  console.log(`malformed URL corpus: ${answers.length} tried, ${serverErrors} × 5xx (statuses: ${[...byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${status} × ${count}`).join(", ")})`);
  // A client's mistake is worth at most one line in the log, never a stack trace.
  const log = serverLog.slice(logStart);
  // A stack printed as it is, or inside a JSON log line (lib/logging/request-log.cjs).
  const stackLines = log.filter((line) => /^\s+at /.test(line) || /\\n\s+at /.test(line));
  console.log(`server log during the corpus: ${log.length} lines, ${stackLines.length} stack-trace lines`);
  // The whole list, for reading when this fails (the assertion shows the first 60).
  mkdirSync("test-results", { recursive: true });
  const notSitePage = answers.find((answer) => problemsOf(answer).some((problem) => problem.includes("site's own")));
  writeFileSync("test-results/malformed-requests.txt", `${failures.join("\n")}\n\n--- first non-site error page ---\n${notSitePage?.body ?? ""}\n\n--- server log ---\n${log.join("\n")}\n`);
  expect(failures.slice(0, 60), `${failures.length} problems`).toEqual([]);
  expect(stackLines.length, `stack traces in the server log:\n${log.slice(0, 80).join("\n")}`).toBe(0);
  // …and that line is the request's own (lib/logging/request-log.cjs): nothing else is logged
  // while answering a request that did not fail on the server.
  const logged = log.flatMap((line) => (line.startsWith("{") ? [JSON.parse(line) as { msg: string; requestId?: string; status?: number }] : []));
  const statusOf = new Map(logged.filter((line) => line.msg === "request").map((line) => [line.requestId, line.status ?? 0]));
  const extraLines = logged.filter((line) => line.msg !== "request" && line.requestId !== undefined && (statusOf.get(line.requestId) ?? 0) < 500);
  expect(extraLines.slice(0, 20), `${extraLines.length} lines besides the request lines`).toEqual([]);
});
