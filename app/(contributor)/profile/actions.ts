"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { revalidateRole } from "@/lib/community/revalidate-role";
import { afterCommit } from "@/lib/actions/after-commit";
import { publicProfilePath } from "@/lib/community/find-display-names";
import { updateProfile } from "@/lib/profiles/update-profile";
import { updateProfileVisibility } from "@/lib/profiles/update-profile-visibility";
import { ZUpdateProfileVisibilityInputSchema } from "@/lib/profiles/update-profile-visibility.types";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { profileStoredNotices, ZProfileFormValuesSchema, ZUpdateProfileInputSchema, type TProfileFormState } from "./schema";

/** Counts the form's submissions (the sector select remounts with each answer). */
function nextVersion(previous: unknown): number {
  const version = (previous as Partial<TProfileFormState> | null | undefined)?.version;
  return (typeof version === "number" ? version : 0) + 1;
}

/** Saves the signed-in person's own profile (the /profile form); the values as sent come back with any error. */
export const updateProfileAction = defineAction({
  ability: "profile:edit-own",
  schema: ZProfileFormValuesSchema,
  run: async ({ actor, input: values, state }): Promise<TProfileFormState> => {
    const data = parseOrThrow(ZUpdateProfileInputSchema, values);
    const saved = await updateProfile({ actor, data });
    revalidatePath("/profile");
    revalidatePath(publicProfilePath(saved.personNumber));
    // Published narratives show the author's name and job title on their role pages.
    for (const code of saved.rolesShowingAuthor) await revalidateRole(code);
    return {
      status: "saved",
      version: nextVersion(state),
      message: "Your profile is saved.",
      storedNotices: profileStoredNotices(values, data),
      values: { ...values, displayName: saved.displayName, occupations: saved.occupations.map((o) => `${o.code} ${o.title}`).join("\n") },
    };
  },
  failed: (failure, { state, raw }): TProfileFormState => ({
    status: "error",
    version: nextVersion(state),
    message: failure.fieldErrors ? "Some fields need fixing: see the messages below." : failure.message,
    fieldErrors: failure.fieldErrors,
    values: ZProfileFormValuesSchema.parse(raw),
  }),
});

/** Which parts of the public profile (/people/<number>) anyone may read: switches on /profile. */
export const updateProfileVisibilityAction = defineAction({
  ability: "profile:edit-own",
  schema: ZUpdateProfileVisibilityInputSchema,
  run: async ({ actor, input }) => {
    const saved = await updateProfileVisibility({ actor, input });
    // Narratives link their author's public profile only while it is on.
    await afterCommit(
      "profile visibility",
      () => revalidatePath("/profile"),
      () => revalidatePath(publicProfilePath(saved.personNumber)),
      ...saved.rolesShowingAuthor.map((code) => () => revalidateRole(code)),
    );
    return { ok: true, message: input.publicPage ? "Saved: your public profile shows what you ticked." : "Saved: your public profile is off." };
  },
});
