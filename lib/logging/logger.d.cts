import type { AsyncLocalStorage } from "node:async_hooks";
import type { DestinationStream, Logger } from "pino";

export const logger: Logger;
export const requestContext: AsyncLocalStorage<{ requestId: string }>;
export function createLogger(env?: Record<string, string | undefined>, destination?: DestinationStream): Logger;
