"use server";

import { signOut } from "@/lib/auth/auth";

/** Ends the session: Auth.js deletes its Session row and clears the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
