// The app's one logger (pino): one JSON line per event on stdout, with an ISO time and the
// level's name, so lines read well in a terminal too. CommonJS: the request-log preload
// (lib/logging/request-log.cjs) loads it before Next, without a compiler. One instance per
// process, shared by the preload and the app's bundled code (kept on globalThis).
const { AsyncLocalStorage } = require("node:async_hooks");
const pino = require("pino");

const LOGGER = Symbol.for("careerwiki.logger");
const REQUEST_CONTEXT = Symbol.for("careerwiki.requestContext");

/** The request being served (its id), for every line logged while serving it. */
/** @type {AsyncLocalStorage<{ requestId: string }>} */
const requestContext = (globalThis[REQUEST_CONTEXT] ??= new AsyncLocalStorage());

/**
 * @param {Record<string, string | undefined>} env LOG_LEVEL (info): fatal, error, warn, info, debug, trace or silent
 * @param {import("pino").DestinationStream} [destination] stdout unless given (tests)
 */
function createLogger(env = process.env, destination) {
  return pino(
    {
      level: env.LOG_LEVEL || "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // A new object each time: pino merges each line's fields into what the mixin returns.
      mixin: () => ({ ...requestContext.getStore() }),
    },
    destination,
  );
}

/** @type {import("pino").Logger} */
const logger = (globalThis[LOGGER] ??= createLogger());

module.exports = { createLogger, logger, requestContext };
