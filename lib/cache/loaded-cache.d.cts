export declare function registerLoadedCache(handler: { revalidateTag(tags: string[], durations?: { expire?: number }): Promise<void> }): void;
export declare function revalidateLoadedCache(tags: string[]): Promise<boolean>;
