import type { Pool } from "pg";

export interface TagRevalidation {
  tag: string;
  staleAt?: number | undefined;
  expiredAt?: number | undefined;
}

export function createTagStorePool(databaseUrl: string): Pool;
export function recordRevalidatedTags(pool: Pool, entries: TagRevalidation[]): Promise<void>;
export function readRevalidatedTags(pool: Pool, since: Date | null): Promise<{ tags: TagRevalidation[]; readAt: Date }>;
