import type { RedisClientType } from "redis";

export interface TagRevalidatingHandler {
  revalidateTag(tag: string): Promise<void>;
}

/** The library's hash of tag revalidation times (under a build's key prefix). */
export const REVALIDATED_TAGS_KEY: string;
export function redisKeyPrefix(buildId: string | undefined, sitePrefix?: string): string;
export function connectRedis(url: string): Promise<RedisClientType>;
export function createRedisHandler(client: RedisClientType, buildId: string | undefined, sitePrefix?: string): TagRevalidatingHandler;
