import { z } from "zod";
import { UserRole } from "@/lib/generated/prisma/enums";

/** Every role, lowest first, as the role form offers them. */
export const USER_ROLES = Object.values(UserRole);

export const ZUserRoleSchema = z.enum(UserRole, { message: "Choose a role: contributor, moderator or admin." });
