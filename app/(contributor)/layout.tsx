import type { ReactNode } from "react";
import { CommunityNav } from "@/components/community/community-nav";
import { getActor } from "@/lib/auth/get-actor";
import "../community.css";

// Navigation only: every page and action below checks the session and role itself.
export default async function ContributorLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <>
      <CommunityNav actor={actor} />
      {children}
    </>
  );
}
