import { describe, expect, it } from "vitest";
import { forwardedHeadersPolicy, normaliseForwardedHeaders } from "@/lib/security/forwarded-headers.cjs";
import { clientIpFromHeaders } from "./client-ip";

/** What the sign-in limit counts for a request, once the preload has normalised it. */
function limitedAddress(sent: Record<string, string>, peer: string, trustedProxy?: string) {
  const headers = normaliseForwardedHeaders({ ...sent }, peer, forwardedHeadersPolicy({ TRUSTED_PROXY: trustedProxy }));
  return clientIpFromHeaders(new Headers(headers as Record<string, string>));
}

describe("clientIpFromHeaders", () => {
  it("without a trusted proxy, is the socket's peer whatever X-Forwarded-For or X-Real-IP say", () => {
    for (const forged of ["203.0.113.9", "203.0.113.9, 198.51.100.4", "unknown", ""]) {
      expect(limitedAddress({ "x-forwarded-for": forged, "x-real-ip": "192.0.2.1" }, "::ffff:198.51.100.77")).toBe("198.51.100.77");
    }
  });

  it("behind a trusted proxy, is the client it reports", () => {
    expect(limitedAddress({ "x-forwarded-for": "203.0.113.9, 198.51.100.4" }, "127.0.0.1", "1")).toBe("198.51.100.4");
    expect(limitedAddress({ "x-forwarded-for": "203.0.113.9" }, "10.0.0.5", "10.0.0.0/8")).toBe("203.0.113.9");
  });

  it("says unknown when there is no address at all", () => {
    expect(clientIpFromHeaders(new Headers())).toBe("unknown");
  });
});
