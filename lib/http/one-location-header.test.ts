import { once } from "node:events";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { keepOneLocationHeader } from "./one-location-header";

/** The raw header lines of one response from a server that writes its headers with `write`. */
async function rawHeaders(write: (res: ServerResponse) => void): Promise<string[]> {
  const server = createServer((_req, res) => {
    write(res);
    res.end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  try {
    const { port } = server.address() as AddressInfo;
    const req = request({ host: "127.0.0.1", port, path: "/" });
    req.end();
    const [res] = (await once(req, "response")) as [IncomingMessage];
    res.resume();
    return res.rawHeaders;
  } finally {
    server.close();
  }
}

const locations = (raw: string[]) => raw.filter((_, index) => index % 2 === 0 && raw[index]!.toLowerCase() === "location").length;

describe("keepOneLocationHeader", () => {
  it("turns a second Location (set, then appended, as Next does on a cold ISR redirect) into one", async () => {
    keepOneLocationHeader();
    keepOneLocationHeader();
    const raw = await rawHeaders((res) => {
      res.statusCode = 308;
      res.setHeader("location", "/roles/nurses");
      res.appendHeader("Location", "/roles/nurses");
      res.appendHeader("location", ["/roles/registered-nurses"]);
    });
    expect(locations(raw)).toBe(1);
    expect(raw[raw.findIndex((name) => name.toLowerCase() === "location") + 1]).toBe("/roles/registered-nurses");
  });

  it("still appends every other header", async () => {
    const raw = await rawHeaders((res) => {
      res.appendHeader("location", "/a");
      res.appendHeader("set-cookie", "a=1");
      res.appendHeader("set-cookie", "b=2");
    });
    expect(locations(raw)).toBe(1);
    expect(raw.filter((name) => name.toLowerCase() === "set-cookie")).toHaveLength(2);
  });
});
