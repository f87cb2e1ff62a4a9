import { z } from "zod";
import { UserRole } from "@/lib/generated/prisma/enums";

/** `npm run user:role -- <email> <role>`: the address (normalised as Auth.js does) and a role name, any case. */
const ZUserRoleArgsSchema = z.tuple(
  [
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: (issue) => `"${String(issue.input)}" is not an email address.` })),
    z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum(UserRole, { error: (issue) => `"${String(issue.input).toLowerCase()}" is not a role: use one of ${Object.values(UserRole).join(", ").toLowerCase()}.` })),
  ],
  { error: "Usage: npm run user:role -- <email> <contributor|moderator|admin>" },
);

/** The parsed arguments, or the messages that explain what is wrong. */
export function parseUserRoleArgs(argv: string[]): { ok: true; email: string; role: UserRole } | { ok: false; errors: string[] } {
  const parsed = ZUserRoleArgsSchema.safeParse(argv);
  if (!parsed.success) return { ok: false, errors: [...new Set(parsed.error.issues.map((issue) => issue.message))] };
  const [email, role] = parsed.data;
  return { ok: true, email, role };
}

/** One line that says what changed. */
export function describeRoleChange(result: { email: string; created: boolean; previousRole: string | null; role: string; changed: boolean; releasedClaims?: string[] }): string {
  const role = result.role.toLowerCase();
  if (result.created) return `Created ${result.email} as ${role}. They sign in with a magic link sent to that address.`;
  const released = result.releasedClaims?.length ? ` Released their ${result.releasedClaims.length === 1 ? "claim" : `${result.releasedClaims.length} claims`} on queue items.` : "";
  if (!result.changed) return `${result.email} is already ${role}: nothing changed.${released}`;
  return `${result.email}: ${result.previousRole?.toLowerCase()} → ${role}.${released}`;
}
