// Loaded with `node --require` into every `next start` process (NODE_OPTIONS from
// withForwardedHeadersPreload: npm start, the test and bench servers), before Next creates
// its server: each request's forwarded headers are normalised (forwarded-headers.cjs) before
// Next, the proxy or any route reads them, from the first request on; each request gets its
// id and one log line (lib/logging/request-log.cjs), and is served inside its log context.
// A bad TRUSTED_PROXY, SITE_URL or AUTH_URL throws here, so the server does not start; with
// NODE_ENV=production, a placeholder or short AUTH_SECRET / CACHE_REFRESH_SECRET stops it too.
const http = require("node:http");
const { PRELOADED, forwardedHeadersPolicy, isTrustedPeer, normaliseForwardedHeaders } = require("./forwarded-headers.cjs");
const { logRequest, requestContext, routeConsoleToLogger } = require("../logging/request-log.cjs");

const { describeProductionSecretProblems } = require("./production-secrets.cjs");

// Placeholder or short secrets in production: one line and exit 1, before Next starts (no stack:
// it is the operator's to fix; lib/security/production-secrets.cjs).
const secretProblems = describeProductionSecretProblems(process.env);
if (secretProblems) {
  console.error(secretProblems);
  process.exit(1);
}

const policy = forwardedHeadersPolicy(process.env);
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithNormalisedHeaders(event, request, ...rest) {
  if ((event === "request" || event === "upgrade") && request && request.headers) {
    const peer = request.socket && request.socket.remoteAddress;
    // Read before normalising: whether the peer is a proxy whose headers are believed.
    const fromTrustedProxy = isTrustedPeer(peer, policy);
    normaliseForwardedHeaders(request.headers, peer, policy);
    const [response] = rest;
    if (event === "request" && response) {
      const requestId = logRequest(request, response, { fromTrustedProxy });
      return requestContext.run({ requestId }, () => emit.call(this, event, request, ...rest));
    }
  }
  return emit.call(this, event, request, ...rest);
};

routeConsoleToLogger();

globalThis[PRELOADED] = true;
