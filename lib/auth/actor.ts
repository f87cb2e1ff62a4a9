import type { UserRole } from "@/lib/generated/prisma/enums";

/**
 * Who is acting. Use cases take an Actor explicitly (never reading cookies themselves);
 * the edges get one from the session with `getActor` / `requireActor` (lib/auth/get-actor.ts).
 */
export interface Actor {
  userId: string;
  role: UserRole;
}
