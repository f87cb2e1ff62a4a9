export function siteUrl(env?: Record<string, string | undefined>): string;
