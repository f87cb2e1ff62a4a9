import type { ReactNode } from "react";
import { CommunityNav } from "@/components/community/community-nav";
import { AnswerOutlet } from "@/components/ui/answer-outlet";
import { getActor } from "@/lib/auth/get-actor";
import { countUnreadNotifications } from "@/lib/notifications/find-notifications";
import "../community.css";

// Navigation only: every page and action below checks the session and role itself.
export default async function ContributorLayout({ children }: { children: ReactNode }) {
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
