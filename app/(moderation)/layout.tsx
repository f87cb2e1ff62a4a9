import type { ReactNode } from "react";
import { CommunityNav } from "@/components/community/community-nav";
import { AnswerOutlet } from "@/components/ui/answer-outlet";
import { getActor } from "@/lib/auth/get-actor";
import { countUnreadNotifications } from "@/lib/notifications/find-notifications";
import "../community.css";

// Navigation only: each moderation page and action checks the role itself.
export default async function ModerationLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const unread = await countUnreadNotifications({ actor });
  return (
    <>
      <CommunityNav actor={actor} unread={unread} />
      <AnswerOutlet />
      {children}
    </>
  );
}
