import { randomInt } from "node:crypto";
import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Each Set-Cookie line as sent. */
  setCookies: string[];
  body: string;
}

export interface RawRequestOptions {
  method?: string;
  /** Sent as given, Host and X-Forwarded-* included (fetch would refuse or rewrite some). */
  headers?: Record<string, string>;
  body?: string;
  /** The local address to connect from, e.g. another loopback address (127.x.y.z), so the server sees another peer. */
  localAddress?: string;
}

/** One HTTP/1.1 request with exactly the headers given, never following redirects. */
export function rawRequest(url: string | URL, { method = "GET", headers = {}, body, localAddress }: RawRequestOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: { ...headers, ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }) }, localAddress, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, setCookies: response.headers["set-cookie"] ?? [], body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** A loopback address other than 127.0.0.1 (Linux answers on all of 127/8): a peer no other test uses. */
export function randomLoopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** A random address in 198.18.0.0/15 (reserved for benchmarks): what a forged or proxied X-Forwarded-For may claim. */
export function randomClaimedAddress(): string {
  return `198.${randomInt(18, 20)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** The cookie header that sends back the cookies a response set. */
export function cookiesFrom(response: RawResponse): string {
  return response.setCookies.map((line) => line.split(";")[0]!).join("; ");
}
