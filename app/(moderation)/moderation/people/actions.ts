"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { afterCommit } from "@/lib/actions/after-commit";
import { defineAction } from "@/lib/actions/define-action";
import { ZUserRoleSchema } from "@/lib/people/user-roles";
import { cleanUpSpam } from "@/lib/people/clean-up-spam";
import { liftSuspension } from "@/lib/people/lift-suspension";
import { describeSuspensionEnd } from "@/lib/people/suspension";
import { suspendUser } from "@/lib/people/suspend-user";
import { setUserRole } from "@/lib/users/set-user-role";
import { ZFormIdSchema, ZFormTextSchema } from "@/lib/validation/form-field";

// Each action: defineAction checks the session and the ability, one use case checks the rest
// (who may act on whom, nobody on themselves) and writes the change with its audit entry.

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const revalidatePeople = (userId: string) => () => {
  revalidatePath("/moderation/people");
  revalidatePath(`/moderation/people/${userId}`);
  revalidatePath("/moderation");
};

export const setUserRoleAction = defineAction({
  ability: "user:set-role",
  schema: z.object({ userId: ZFormIdSchema, role: ZUserRoleSchema }),
  run: async ({ actor, input }) => {
    const result = await setUserRole({ actor, userId: input.userId, role: input.role });
    await afterCommit("role change", revalidatePeople(result.userId));
    return { ok: true, message: result.changed ? `Role changed: ${result.previousRole?.toLowerCase()} → ${result.role.toLowerCase()}.` : `Already ${result.role.toLowerCase()}: nothing changed.` };
  },
});

export const suspendUserAction = defineAction({
  ability: "people:suspend",
  schema: z.object({ userId: ZFormIdSchema, reason: ZFormTextSchema, until: ZFormTextSchema, pending: ZFormTextSchema }),
  run: async ({ actor, input }) => {
    const result = await suspendUser({ actor, input });
    await afterCommit("suspension", revalidatePeople(result.userId));
    const declined = result.declined.length > 0 ? ` ${count(result.declined.length, "pending submission", "pending submissions")} declined.` : "";
    return { ok: true, message: `Suspended ${describeSuspensionEnd(result.until)}; signed out of ${count(result.sessionsRevoked, "session", "sessions")}.${declined}` };
  },
});

export const liftSuspensionAction = defineAction({
  ability: "people:suspend",
  schema: z.object({ userId: ZFormIdSchema }),
  run: async ({ actor, input }) => {
    const result = await liftSuspension({ actor, userId: input.userId });
    await afterCommit("lifting a suspension", revalidatePeople(result.userId));
    return { ok: true, message: "Suspension lifted: they can sign in again." };
  },
});

export const cleanUpSpamAction = defineAction({
  ability: "people:suspend",
  schema: z.object({ userId: ZFormIdSchema }),
  run: async ({ actor, input }) => {
    const result = await cleanUpSpam({ actor, userId: input.userId });
    await afterCommit("spam clean-up", revalidatePeople(result.userId));
    return { ok: true, message: `Suspended indefinitely and ${count(result.declined.length, "pending submission", "pending submissions")} declined.` };
  },
});
