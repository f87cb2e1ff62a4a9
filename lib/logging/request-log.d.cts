import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";

export { requestContext } from "./logger.cjs";
export function chooseRequestId(given: string | string[] | undefined, fromTrustedProxy: boolean): string;
export function logRequest(request: IncomingMessage, response: ServerResponse, options: { fromTrustedProxy: boolean; logger?: Logger }): string;
export function routeConsoleToLogger(logger?: Logger): void;
