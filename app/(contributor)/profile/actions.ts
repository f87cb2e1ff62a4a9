"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/get-actor";
import { revalidateRole } from "@/lib/community/revalidate-role";
import { AppError, toUserMessage } from "@/lib/errors";
import { updateProfile } from "@/lib/profiles/update-profile";
import { profileStoredNotices, readProfileForm, ZUpdateProfileInputSchema, type TProfileFormState } from "./schema";

/** Saves the signed-in person's own profile (the /profile form). */
export async function updateProfileAction(previous: TProfileFormState, formData: FormData): Promise<TProfileFormState> {
  const values = readProfileForm(formData);
  const version = (previous?.version ?? 0) + 1;
  try {
    const actor = await requireActor("profile:edit-own");
    const parsed = ZUpdateProfileInputSchema.safeParse(values);
    if (!parsed.success) {
      return { status: "error", version, message: "Some fields need fixing: see the messages below.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
    }
    const saved = await updateProfile({ actor, data: parsed.data });
    revalidatePath("/profile");
    // Published narratives show the author's name and job title on their role pages.
    for (const code of saved.rolesShowingAuthor) await revalidateRole(code);
    return {
      status: "saved",
      version,
      message: "Your profile is saved.",
      storedNotices: profileStoredNotices(values, parsed.data),
      values: { ...values, displayName: saved.displayName, occupations: saved.occupations.map((o) => `${o.code} ${o.title}`).join("\n") },
    };
  } catch (error) {
    if (!(error instanceof AppError)) console.error("[profile] update failed:", error);
    const fieldErrors = error instanceof AppError ? error.fieldErrors : undefined;
    return {
      status: "error",
      version,
      message: fieldErrors ? "Some fields need fixing: see the messages below." : toUserMessage(error),
      fieldErrors,
      values,
    };
  }
}
