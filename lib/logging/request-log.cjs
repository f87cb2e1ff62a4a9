// One line per request for `next start`, which has no hook that sees a response's status and
// duration: the forwarded-headers preload (lib/security/forwarded-headers.preload.cjs) calls
// `logRequest` for each request its server receives, before Next sees it.
const { randomUUID } = require("node:crypto");
const { format } = require("node:util");
const { logger: appLogger, requestContext } = require("./logger.cjs");

const HEALTH_PATH = "/api/health";

/** A request id a proxy may set: what nginx's $request_id and common tracing ids look like. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The request's id: a trusted proxy's `X-Request-Id` (the same TRUSTED_PROXY rule as the
 * forwarded headers), else a new one. A client's own is replaced, so that it cannot choose
 * what the log says.
 * @param {string | string[] | undefined} given
 * @param {boolean} fromTrustedProxy
 */
function chooseRequestId(given, fromTrustedProxy) {
  return fromTrustedProxy && typeof given === "string" && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

/**
 * Gives the request its id (in its `x-request-id` header for the app, and echoed in the
 * response's `X-Request-Id`), and logs one line when the response is done: method, path
 * (never the query, which may carry sign-in tokens), status, duration in ms, request id. A
 * server error is logged at level error, anything else at info; the error itself is logged
 * once, by whoever caught it, with this request's id (see `routeConsoleToLogger`). A passed
 * health check is logged at debug only.
 * Returns the id; run the request's handling inside `requestContext.run({ requestId })`.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {{ fromTrustedProxy: boolean, logger?: import("pino").Logger }} options
 */
function logRequest(request, response, { fromTrustedProxy, logger = appLogger }) {
  const requestId = chooseRequestId(request.headers["x-request-id"], fromTrustedProxy);
  request.headers["x-request-id"] = requestId;
  response.setHeader("X-Request-Id", requestId);
  const started = process.hrtime.bigint();
  response.once("close", () => {
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    const line = {
      requestId,
      method: request.method,
      path: (request.url ?? "").split("?")[0],
      status: response.statusCode,
      durationMs,
      // The client went away before the answer was complete.
      ...(response.writableFinished ? {} : { aborted: true }),
    };
    if (response.statusCode >= 500) logger.error(line, "request");
    // The front's health watcher asks every instance every 2 s: a passed check is not news
    // (LOG_LEVEL=debug shows it); a failed one is logged as any other 5xx.
    else if (line.path === HEALTH_PATH && response.statusCode === 200) logger.debug(line, "request");
    else logger.info(line, "request");
  });
  return requestId;
}

/**
 * Next prints the errors it catches (a failed render, a throwing route) with console.error:
 * as one logger line each, with the error as `err` and the request's id, instead of a
 * many-line stack between the JSON lines.
 * @param {import("pino").Logger} [logger]
 */
function routeConsoleToLogger(logger = appLogger) {
  for (const level of /** @type {const} */ (["error", "warn"])) {
    console[level] = (...args) => {
      const err = args.find((arg) => arg instanceof Error);
      const message = format(...args.filter((arg) => arg !== err)).trim();
      if (err) logger[level]({ err }, message || err.message);
      else logger[level](message);
    };
  }
}

module.exports = { chooseRequestId, logRequest, requestContext, routeConsoleToLogger };
