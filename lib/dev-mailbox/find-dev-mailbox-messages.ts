import "server-only";
import { prisma } from "@/lib/db/prisma";
import { DEV_MAILBOX_SIZE } from "./create-dev-mailbox-message";

export interface DevMailboxMessageView {
  id: string;
  to: string;
  subject: string;
  url: string;
  createdAt: Date;
}

/** The newest development mailbox messages, newest first. */
export async function findDevMailboxMessages(): Promise<DevMailboxMessageView[]> {
  return prisma.devMailboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: DEV_MAILBOX_SIZE,
    select: { id: true, to: true, subject: true, url: true, createdAt: true },
  });
}
