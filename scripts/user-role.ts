// npm run user:role -- <email> <contributor|moderator|admin>
// Gives an account a role (creating the account when missing), against DATABASE_URL or the
// embedded database of `npm start`. This is how the first admin is made.
import { openLocalDatabase } from "@/lib/db/local-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { describeRoleChange, parseUserRoleArgs } from "./user-role-args";
import { exitWithUsage } from "./lib/command-args";
import { exitOnFailure, onShutdown } from "./lib/run";

async function main() {
  const args = parseUserRoleArgs(process.argv.slice(2));
  if (!args.ok) exitWithUsage(args.errors);
  const database = await openLocalDatabase();
  onShutdown(database.stop);
  if (database.kind === "shared") console.log("Using the embedded database of the running `npm start` (left running).");
  try {
    await migrateDatabase(database.url);
    process.env.DATABASE_URL = database.url;
    // Imported after DATABASE_URL is set: the app's Prisma client reads it on first use.
    const { setUserRole } = await import("@/lib/users/set-user-role");
    const { prisma } = await import("@/lib/db/prisma");
    const result = await setUserRole({ email: args.email, role: args.role });
    console.log(describeRoleChange(result));
    await prisma.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch(exitOnFailure);
