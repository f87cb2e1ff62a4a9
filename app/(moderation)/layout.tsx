import type { ReactNode } from "react";
import { CommunityNav } from "@/components/community/community-nav";
import { getActor } from "@/lib/auth/get-actor";
import "../community.css";

// Navigation only: each moderation page and action checks the role itself.
export default async function ModerationLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <>
      <CommunityNav actor={actor} />
      {children}
    </>
  );
}
