import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * A command's options, parsed strictly (`node:util` parseArgs): an unknown option, a missing
 * value or a stray argument becomes the reason and the usage line for the operator (the caller
 * prints them and exits 2), never a TypeError stack (ERR_PARSE_ARGS_UNKNOWN_OPTION).
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: T,
  usage: string,
  { allowPositionals = false }: { allowPositionals?: boolean } = {},
): { ok: true; values: ReturnType<typeof parseArgs<{ options: T; allowPositionals: boolean; strict: true }>>["values"]; positionals: string[] } | { ok: false; errors: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals, strict: true });
    return { ok: true, values, positionals };
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0]!.replace(/\. To specify a positional argument starting with a '-'.*$/, ".");
    return { ok: false, errors: [reason, usage] };
  }
}

/** Prints why and the usage, and exits 2 (the exit code of every command's usage error). */
export function exitWithUsage(errors: readonly string[]): never {
  for (const error of errors) console.error(error);
  process.exit(2);
}
