"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { signOut } from "@/lib/auth/auth";

/** Ends the session: Auth.js deletes its Session row and clears the cookie (and redirects home). */
export const signOutAction = defineAction({
  ability: null,
  schema: z.unknown(),
  run: async (): Promise<void> => {
    await signOut({ redirectTo: "/" });
  },
  // The failure is logged by defineAction; the person stays where they are, signed in.
  failed: () => undefined,
});
