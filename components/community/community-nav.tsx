import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";

/** The signed-in person's links: contributions, notifications with the unread count, moderation. */
export function CommunityNav({ actor, unread }: { actor: Actor | null; unread: number }) {
  if (!actor) return null;
  return (
    <nav className="subnav" aria-label="Your account">
      <Link href="/me/contributions">My contributions</Link>
      <Link href="/me/account">My account</Link>
      <Link href="/me/watching">Watching</Link>
      <Link href="/me/verifications">Verification</Link>
      <Link href="/me/review">Review as a practitioner</Link>
      <Link href="/me/notifications">
        Notifications{" "}
        {unread > 0 && (
          <span className="badge" aria-label={`${unread} unread`} data-testid="unread-count">
            {unread}
          </span>
        )}
      </Link>
      {can(actor, "moderation:view-queue") && <Link href="/moderation">Moderation queue</Link>}
      {can(actor, "moderation:view-queue") && <Link href="/moderation/families">Families you review</Link>}
      {can(actor, "people:view") && <Link href="/moderation/people">People</Link>}
      {can(actor, "verification:decide") && <Link href="/moderation/verifications">Verifications</Link>}
      {can(actor, "moderation:second-look") && <Link href="/moderation/second-looks">Second looks</Link>}
      {can(actor, "audit:view") && <Link href="/moderation/audit">Audit log</Link>}
      {can(actor, "moderation:view-figures") && <Link href="/moderation/moderators">Moderators</Link>}
    </nav>
  );
}
