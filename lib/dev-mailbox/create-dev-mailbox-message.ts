import "server-only";
import { prisma } from "@/lib/db/prisma";

/** How many messages the development mailbox keeps. */
export const DEV_MAILBOX_SIZE = 20;

export interface CreateDevMailboxMessageOptions {
  to: string;
  subject: string;
  text: string;
  url: string;
}

/** Stores one sign-in email for /dev/mailbox (in PostgreSQL: any app process may serve the page) and drops older ones. */
export async function createDevMailboxMessage(message: CreateDevMailboxMessageOptions): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.devMailboxMessage.create({ data: message });
    const keep = await tx.devMailboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: DEV_MAILBOX_SIZE, select: { id: true } });
    await tx.devMailboxMessage.deleteMany({ where: { id: { notIn: keep.map((row) => row.id) } } });
  });
}
