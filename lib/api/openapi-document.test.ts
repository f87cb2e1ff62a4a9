import { describe, expect, test } from "vitest";
import { listSourceEntryPoints } from "@/e2e/security/list-entry-points";
import { describeApi } from "./describe-api";
import { openApiDocument } from "./openapi-document";

/** Route handlers that are no public API: Auth.js' own endpoints, a signed-in user's export, the watch button's own state, and the catch-all that answers an address naming no endpoint. */
const NOT_PUBLIC = new Set(["app/api/auth/[...nextauth]/route.ts", "app/(contributor)/me/account/export/route.ts", "app/api/watches/[code]/route.ts", "app/api/[...path]/route.ts"]);
/** Handlers served at another address (next.config.ts rewrites). */
const PUBLIC_ADDRESS: Record<string, string> = { "/api/roles-markdown/{slug}": "/roles/{slug}.md" };

/** app/api/roles/[code]/route.ts → /api/roles/{code}: route groups dropped, dynamic segments as OpenAPI parameters. */
const toDocumentedPath = (file: string) => {
  const path = `/${file.replace(/^app\//, "").replace(/\/?route\.ts$/, "")}`
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"))
    .join("/");
  return PUBLIC_ADDRESS[path] ?? path;
};

describe("the OpenAPI document", () => {
  const document = openApiDocument();

  test("is an OpenAPI 3.1 document: version, info, operations with responses, every $ref resolving to a component", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: expect.any(String), version: "1" });
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      expect(path, "a path starts with /").toMatch(/^\//);
      for (const parameter of [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1])) {
        expect(item.get?.parameters, `${path} declares its path parameter ${parameter}`).toContainEqual(expect.objectContaining({ name: parameter, in: "path", required: true }));
      }
      expect(Object.keys(item.get?.responses ?? {}), `${path} has a 200`).toContain("200");
    }
    const json = JSON.stringify(document);
    const refs = [...json.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(document.components?.schemas, `#/components/schemas/${ref}`).toHaveProperty(ref);
  });

  test("documents every public route handler under app/, and nothing that is not one", () => {
    const handlers = listSourceEntryPoints().filter((entry) => entry.kind === "handler" && !NOT_PUBLIC.has(entry.file));
    const expected = handlers.map((entry) => `${entry.name.toLowerCase()} ${toDocumentedPath(entry.file)}`).sort();
    const documented = Object.entries(document.paths ?? {})
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).toEqual(expected);
    expect(expected).toContain("get /api/openapi.json");
  });

  test("every JSON error is the one Error shape: { error: { code, message } }", () => {
    expect(document.components?.schemas?.Error).toMatchObject({
      type: "object",
      required: ["error"],
      properties: { error: { type: "object", required: ["code", "message"], properties: { code: { enum: expect.arrayContaining(["NOT_FOUND", "INVALID_INPUT", "INTERNAL"]) } } } },
    });
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [status, response] of Object.entries(item.get?.responses ?? {})) {
        const json = (response as { content?: Record<string, { schema?: { $ref?: string } }> }).content?.["application/json"];
        if (Number(status) >= 400 && json && path !== "/api/health") expect(json.schema?.$ref, `${path} ${status}`).toBe("#/components/schemas/Error");
      }
    }
  });

  test("the /api page lists each endpoint with its parameters, answers and an example", () => {
    const api = describeApi();
    const role = api.operations.find((operation) => operation.path === "/api/roles/{code}")!;
    expect(role.parameters).toEqual([expect.objectContaining({ name: "code", in: "path", required: true, example: "15-1299.05" })]);
    expect(role.responses).toContainEqual({ status: "200", description: "The role.", body: "application/json: Role" });
    expect(role.responses).toContainEqual(expect.objectContaining({ status: "404", body: "application/json: Error" }));
    expect(api.operations.find((operation) => operation.path === "/api/earnings")!.example).toMatch(/\/api\/earnings\?roles=/);
    expect(api.schemas.map((schema) => schema.name)).toEqual(expect.arrayContaining(["Error", "Role", "EarningsResponse", "Suggestions", "Health"]));
  });
});
