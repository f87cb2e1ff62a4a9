import "server-only";
import { consumeRateLimit, limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";

/** Role changes, suspensions and their lifting per moderator per hour: PEOPLE_ACTIONS_PER_HOUR, default 60. */
export async function consumePeopleActionAllowance(userId: string, now?: Date) {
  const limit = limitFromEnv("PEOPLE_ACTIONS_PER_HOUR", 60);
  await consumeRateLimit({ key: `people:user:${userId}`, limit, windowSeconds: 3600, message: `You have changed the most accounts allowed in one hour (${limit}).` }, now);
}

/** Confirmation links (account deletion, a new sign-in address) per account per hour: ACCOUNT_EMAILS_PER_HOUR, default 5. */
export async function consumeAccountEmailAllowance(userId: string, now?: Date) {
  const limit = limitFromEnv("ACCOUNT_EMAILS_PER_HOUR", 5);
  await consumeRateLimit({ key: `account-email:user:${userId}`, limit, windowSeconds: 3600, message: `We have sent the most confirmation links allowed in one hour (${limit}).` }, now);
}

/** Data exports per account per hour: DATA_EXPORTS_PER_HOUR, default 20. */
export async function consumeDataExportAllowance(userId: string, now?: Date) {
  const limit = limitFromEnv("DATA_EXPORTS_PER_HOUR", 20);
  await consumeRateLimit({ key: `data-export:user:${userId}`, limit, windowSeconds: 3600, message: `You have downloaded your data the most times allowed in one hour (${limit}).` }, now);
}

/** Confirmation links followed per client address per hour (no session to count by): ACCOUNT_CONFIRMATIONS_PER_IP_PER_HOUR, default 30. */
export async function consumeAccountConfirmationAllowance(ip: string, now?: Date) {
  const limit = limitFromEnv("ACCOUNT_CONFIRMATIONS_PER_IP_PER_HOUR", 30);
  await consumeRateLimit({ key: `account-confirm:ip:${ip}`, limit, windowSeconds: 3600, message: "Too many confirmation links were used from your network." }, now);
}
