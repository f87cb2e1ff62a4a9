// Loaded with `node --require` into every `next start` process (NODE_OPTIONS from
// withForwardedHeadersPreload: npm start, the test and bench servers), before Next creates
// its server: each request's forwarded headers are normalised (forwarded-headers.cjs) before
// Next, the proxy or any route reads them, from the first request on. A bad TRUSTED_PROXY,
// SITE_URL or AUTH_URL throws here, so the server does not start.
const http = require("node:http");
const { PRELOADED, forwardedHeadersPolicy, normaliseForwardedHeaders } = require("./forwarded-headers.cjs");

const policy = forwardedHeadersPolicy(process.env);
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithNormalisedHeaders(event, request, ...rest) {
  if ((event === "request" || event === "upgrade") && request && request.headers) {
    normaliseForwardedHeaders(request.headers, request.socket && request.socket.remoteAddress, policy);
  }
  return emit.call(this, event, request, ...rest);
};

globalThis[PRELOADED] = true;
