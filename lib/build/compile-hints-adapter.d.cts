export const name: string;
export const COMPILE_HINT: string;
export function addCompileHints(chunksDir: string): Promise<number>;
export function onBuildComplete(context: { distDir: string }): Promise<void>;
