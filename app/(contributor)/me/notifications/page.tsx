import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { findNotifications } from "@/lib/notifications/find-notifications";
import { markNotificationsReadAction } from "../actions";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

export default async function NotificationsPage() {
  const actor = await requirePageActor("submission:withdraw-own", "/me/notifications");
  const { items, unread } = await findNotifications({ actor });
  return (
    <>
      <h1>Notifications</h1>
      <p>{unread === 0 ? "Nothing unread." : `${unread} unread.`}</p>
      {unread > 0 && (
        <ActionForm action={markNotificationsReadAction}>
          <button type="submit">Mark all as read</button>
        </ActionForm>
      )}
      <ul>
        {items.map((item) => (
          <li key={item.id} className={item.read ? "muted" : undefined} data-testid="notification">
            {!item.read && <strong>New: </strong>}
            {item.text} {item.message && <q>{item.message}</q>} <Link href={item.link.href}>{item.link.label}</Link>{" "}
            <span className="hint"><DateTime value={item.createdAt} /></span>
          </li>
        ))}
      </ul>
    </>
  );
}
