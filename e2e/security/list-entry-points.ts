import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { listServerActions } from "../../tests/support/e2e/server-actions";

/**
 * The app's entry points as the source declares them: every export of every
 * `app/**\/actions.ts` (a "use server" file: each export is a server action) and every
 * exported HTTP method of every `app/**\/route.ts`. Read with the TypeScript parser, so any
 * form of export counts (`export async function`, `export const { GET, POST } = …`,
 * `export { x as POST }`).
 */
export interface EntryPoint {
  kind: "action" | "handler";
  /** Relative to the project, e.g. `app/(contributor)/me/actions.ts`. */
  file: string;
  /** The export: the action's name or the HTTP method. */
  name: string;
}

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export const entryPointKey = (entry: Pick<EntryPoint, "file" | "name">) => `${entry.file}#${entry.name}`;

export function listSourceEntryPoints(root = process.cwd()): EntryPoint[] {
  const entries: EntryPoint[] = [];
  for (const file of walk(path.join(root, "app"))) {
    const relative = path.relative(root, file).split(path.sep).join("/");
    const base = path.basename(file);
    if (base === "actions.ts") {
      for (const name of exportedNames(file)) entries.push({ kind: "action", file: relative, name });
    } else if (base === "route.ts") {
      for (const name of exportedNames(file)) if (HTTP_METHODS.has(name)) entries.push({ kind: "handler", file: relative, name });
    }
  }
  return entries.sort((a, b) => entryPointKey(a).localeCompare(entryPointKey(b)));
}

/** The server actions the production build registered, from its server-reference manifest. */
export function listBuiltActions(distDir: string): EntryPoint[] {
  return listServerActions(distDir)
    .map((action) => ({ kind: "action" as const, file: action.file, name: action.exportName }))
    .sort((a, b) => entryPointKey(a).localeCompare(entryPointKey(b)));
}

/** Routes Next generates from metadata files (app/robots.ts, app/sitemap.ts, icons): static, public, GET only. */
const METADATA_ROUTE = /\/(robots\.txt|sitemap\.xml|manifest\.webmanifest|favicon\.ico|(apple-)?icon[^/]*|opengraph-image[^/]*|twitter-image[^/]*)\/route$/;

/**
 * The route handler files the build serves (`app/…/route.ts`), from its app-paths manifest,
 * leaving out the metadata routes. A handler whose source is not a route.ts shows up here
 * under a name that matches no source file.
 */
export function listBuiltRouteFiles(distDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((route) => route.endsWith("/route") && !METADATA_ROUTE.test(route))
    .map((route) => `app${route}.ts`)
    .sort();
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const bindingNames = (name: ts.BindingName): string[] =>
    ts.isIdentifier(name) ? [name.text] : name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
  for (const statement of source.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && isExported(statement)) {
      const isDefault = (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      names.push(isDefault ? "default" : (statement.name?.text ?? "default"));
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) names.push(...bindingNames(declaration.name));
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause && ts.isNamedExports(statement.exportClause)) names.push(...statement.exportClause.elements.map((element) => element.name.text));
      else names.push(`* from ${statement.moduleSpecifier?.getText(source) ?? "?"}`);
    } else if (ts.isExportAssignment(statement)) {
      names.push("default");
    }
  }
  return names;
}
