import { parseArgs } from "node:util";
import { z } from "zod";

const USAGE = 'Usage: npm run front:health -- [--servers FILE] [--reload "COMMAND"] [--interval SECONDS]';

/**
 * `npm run front:health` on a real server: the upstream file nginx includes
 * (/etc/careerwiki/upstream-servers.conf), the command that reloads nginx (`nginx -s reload`;
 * `systemctl reload nginx` under systemd) and the seconds between rounds of checks (2).
 */
const ZFrontHealthArgsSchema = z.object({
  servers: z.string().trim().min(1, "--servers needs the path of the upstream file nginx includes."),
  reload: z.string().trim().min(1, '--reload needs a command, like "nginx -s reload".'),
  interval: z.coerce
    .number({ error: "--interval is a number of seconds, like 2." })
    .min(0.5, "--interval is at least 0.5 seconds.")
    .max(60, "--interval is at most 60 seconds."),
});

export type TFrontHealthArgs = z.infer<typeof ZFrontHealthArgsSchema>;

/** The parsed arguments, or the messages that explain what is wrong. */
export function parseFrontHealthArgs(argv: string[]): { ok: true; args: TFrontHealthArgs } | { ok: false; errors: string[] } {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { servers: { type: "string", default: "/etc/careerwiki/upstream-servers.conf" }, reload: { type: "string", default: "nginx -s reload" }, interval: { type: "string", default: "2" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, errors: [(error as Error).message, USAGE] };
  }
  const parsed = ZFrontHealthArgsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: [...parsed.error.issues.map((issue) => issue.message), USAGE] };
  return { ok: true, args: parsed.data };
}
