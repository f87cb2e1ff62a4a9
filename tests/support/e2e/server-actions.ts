import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Calling the app's server actions over HTTP, as the browser does, from tests and benchmarks:
 * the action's id comes from the build's server-reference manifest, the arguments are encoded
 * with React's own `encodeReply`, and the request is a POST with the `Next-Action` header.
 * Nothing is bypassed: the production server checks the Origin, finds the session from the
 * cookie and runs the action's own checks.
 *
 *   const actions = listServerActions(".next-e2e");
 *   const withdraw = findServerAction(actions, "app/(contributor)/me/actions.ts", "withdrawSubmissionAction");
 *   const { status, value } = await callServerAction({ baseUrl, action: withdraw, args: [null, formData({ submissionId })], cookie });
 */

const require = createRequire(path.join(process.cwd(), "package.json"));
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

export interface ServerActionRef {
  id: string;
  /** Source file relative to the project, e.g. `app/(contributor)/me/actions.ts`. */
  file: string;
  exportName: string;
}

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

/** Every server action of a build (`.next`, `.next-e2e`, …), from its server-reference manifest. */
export function listServerActions(distDir: string): ServerActionRef[] {
  const manifestPath = path.join(distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, file: entry.filename, exportName: entry.exportedName }));
}

export function findServerAction(actions: ServerActionRef[], file: string, exportName: string): ServerActionRef {
  const found = actions.find((action) => action.file === file && action.exportName === exportName);
  if (!found) throw new Error(`no server action ${exportName} in ${file} in this build (was it renamed, or is the build stale?)`);
  return found;
}

/** A form's fields as the FormData a `useActionState` action receives. */
export function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

export interface CallServerActionOptions {
  baseUrl: string;
  action: ServerActionRef;
  /** The action's arguments, e.g. `[null, formData]` for a `useActionState` action. */
  args: unknown[];
  /** `name=value` of the session cookie, when calling as a signed-in user. */
  cookie?: string;
  /** Defaults to the site's own origin; tests of cross-site requests pass another, or null to send none. */
  origin?: string | null;
  /** Page the request is posted to; Next forwards it to the page that owns the action. */
  pagePath?: string;
}

export interface ServerActionResponse {
  status: number;
  /** The action's return value, when the response carries one (null after an error). */
  value: unknown;
  /** The raw React Flight response, for assertions on errors. */
  body: string;
  /** E.g. `x-action-redirect` after an action that redirects. */
  headers: Headers;
}

export async function callServerAction(options: CallServerActionOptions): Promise<ServerActionResponse> {
  const { baseUrl, action, args, cookie, pagePath = "/" } = options;
  const headers: Record<string, string> = {
    "Next-Action": action.id,
    Accept: "text/x-component",
  };
  const origin = options.origin === undefined ? new URL(baseUrl).origin : options.origin;
  if (origin !== null) headers.Origin = origin;
  if (cookie) headers.Cookie = cookie;
  const encoded = await encodeReply(args);
  if (typeof encoded === "string") headers["Content-Type"] = "text/plain;charset=UTF-8";
  const response = await fetch(new URL(pagePath, baseUrl), { method: "POST", headers, body: encoded, redirect: "manual" });
  const body = await response.text();
  return { status: response.status, value: readActionResult(body), body, headers: response.headers };
}

/** Row 1 of the Flight response holds the action's return value (row 0 points to it). */
function readActionResult(body: string): unknown {
  const row = body.split("\n").find((line) => line.startsWith("1:"));
  if (!row) return null;
  try {
    return JSON.parse(row.slice(2));
  } catch {
    return null;
  }
}
