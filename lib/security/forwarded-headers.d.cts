import type { BlockList } from "node:net";

export type TrustedProxy = { kind: "none" } | { kind: "nearest" } | { kind: "list"; list: BlockList };
export interface ForwardedHeadersPolicy {
  trust: TrustedProxy;
  site: URL;
}

export const PRELOADED: unique symbol;
export function parseTrustedProxy(value: string | undefined): TrustedProxy;
export function forwardedHeadersPolicy(env?: Record<string, string | undefined>): ForwardedHeadersPolicy;
export function normaliseForwardedHeaders(
  headers: Record<string, string | string[] | undefined>,
  peerAddress: string | undefined,
  policy: ForwardedHeadersPolicy,
): Record<string, string | string[] | undefined>;
export function isTrustedPeer(peerAddress: string | undefined, policy: Pick<ForwardedHeadersPolicy, "trust">): boolean;
export function withForwardedHeadersPreload(existing: string | undefined): string;
export function isForwardedHeadersPreloadActive(): boolean;
