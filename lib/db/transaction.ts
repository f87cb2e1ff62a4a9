import type { Prisma } from "@/lib/generated/prisma/client";

/** The client inside `prisma.$transaction(async (tx) => ...)`, for helpers that join a transaction. */
export type Tx = Prisma.TransactionClient;
