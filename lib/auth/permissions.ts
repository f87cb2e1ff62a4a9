import type { UserRole } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";

/**
 * What each role may do, as data (one row per ability). Ownership rules ("only your own
 * submission", "not on your own submission") live in the use cases' queries.
 */
export const ABILITIES = {
  "submission:create": { description: "Submit a correction or a narrative", roles: ["CONTRIBUTOR", "MODERATOR", "ADMIN"] },
  "submission:withdraw-own": { description: "Withdraw or resubmit one's own submission", roles: ["CONTRIBUTOR", "MODERATOR", "ADMIN"] },
  "profile:edit-own": { description: "Edit one's own profile", roles: ["CONTRIBUTOR", "MODERATOR", "ADMIN"] },
  "page:watch": { description: "Watch pages and be notified of their changes", roles: ["CONTRIBUTOR", "MODERATOR", "ADMIN"] },
  "narrative:report": { description: "Report a published narrative", roles: ["CONTRIBUTOR", "MODERATOR", "ADMIN"] },
  "correction:report": { description: "Report an approved correction on a page", roles: ["CONTRIBUTOR", "MODERATOR", "ADMIN"] },
  "moderation:view-queue": { description: "See the moderation queue and review items", roles: ["MODERATOR", "ADMIN"] },
  "moderation:claim": { description: "Claim a queue item", roles: ["MODERATOR", "ADMIN"] },
  "moderation:decide": { description: "Approve, decline or request changes", roles: ["MODERATOR", "ADMIN"] },
  "revision:rollback": { description: "Roll a page back to an earlier revision", roles: ["MODERATOR", "ADMIN"] },
  "moderation:second-look": { description: "Take a second look at other moderators' approvals", roles: ["MODERATOR", "ADMIN"] },
  "audit:view": { description: "Read the audit log", roles: ["MODERATOR", "ADMIN"] },
  "people:view": { description: "Find accounts and see what they contributed", roles: ["MODERATOR", "ADMIN"] },
  "people:suspend": { description: "Suspend accounts, lift suspensions and clean up spam", roles: ["MODERATOR", "ADMIN"] },
  "moderation:view-figures": { description: "See each moderator's decisions, speed and rollbacks", roles: ["ADMIN"] },
  "user:set-role": { description: "Change people's roles", roles: ["ADMIN"] },
  "verification:request": { description: "Ask to be verified as a practitioner of an occupation", roles: ["CONTRIBUTOR", "MODERATOR", "ADMIN"] },
  "verification:decide": { description: "Grant, refuse or revoke practitioner verifications", roles: ["MODERATOR", "ADMIN"] },
  "submission:practitioner-review": { description: "Review pending items of one's verified occupation family", roles: ["CONTRIBUTOR", "MODERATOR", "ADMIN"] },
  "account:manage-own": { description: "Download, change or delete one's own account", roles: ["CONTRIBUTOR", "MODERATOR", "ADMIN"] },
} as const satisfies Record<string, { description: string; roles: readonly UserRole[] }>;

export type Ability = keyof typeof ABILITIES;

export function can(actor: Actor | null, ability: Ability): boolean {
  return actor !== null && (ABILITIES[ability].roles as readonly UserRole[]).includes(actor.role);
}

/** Throws UNAUTHENTICATED without an actor and FORBIDDEN when the role lacks the ability. */
export function assertCan(actor: Actor | null, ability: Ability): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor, ability)) throw new AppError("FORBIDDEN", `Your role (${actor.role.toLowerCase()}) may not ${ABILITIES[ability].description.toLowerCase()}.`);
}
