import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/ui/action-form";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { parsePageParams, ZSubmissionIdSchema } from "@/lib/http/request-params";
import { getPerson } from "@/lib/people/get-person";
import { PENDING_CHOICES } from "@/lib/people/suspend-user.types";
import { USER_ROLES } from "@/lib/people/user-roles";
import { cleanUpSpamAction, liftSuspensionAction, setUserRoleAction, suspendUserAction } from "../actions";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Account", robots: { index: false } };

export default async function PersonPage({ params }: { params: Promise<Record<string, string | string[]>> }) {
  const { id } = parsePageParams(z.object({ id: ZSubmissionIdSchema }), await params);
  const actor = await requirePageActor("people:view", `/moderation/people/${id}`);
  const person = await getPerson({ actor, userId: id });
  if (!person) notFound();
  const { contributions: counts } = person;
  return (
    <>
      <p>
        <Link href="/moderation/people">← People</Link>
      </p>
      <h1>{person.name}</h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{person.email}</dd>
        <dt>Role</dt>
        <dd>{person.role.toLowerCase()}</dd>
        <dt>Joined</dt>
        <dd>
          <DateTime value={person.joined} precision="date" />
        </dd>
        <dt>Last active</dt>
        <dd>{person.lastActive ? <DateTime value={person.lastActive} precision="date" /> : "never signed in"}</dd>
        <dt>Contributions</dt>
        <dd data-testid="contribution-counts">
          {counts.approved} approved, {counts.declined} declined, {counts.pending} pending, {counts.reported} reported
        </dd>
        <dt>Status</dt>
        <dd data-testid="suspension-status">
          {person.suspension ? (
            <>
              Suspended {person.suspension.until ? <>until <DateTime value={person.suspension.until} /></> : "indefinitely"} (since <DateTime value={person.suspension.since} />
              {person.suspendedBy ? `, by ${person.suspendedBy}` : ""}): {person.suspension.reason ?? "no reason recorded"}
            </>
          ) : person.endedSuspension ? (
            <>
              Active (a suspension ended <DateTime value={person.endedSuspension.until} />)
            </>
          ) : (
            "Active"
          )}
        </dd>
      </dl>

      {person.may.setRole && (
        <section aria-labelledby="role-heading">
          <h2 id="role-heading">Role</h2>
          <ActionForm action={setUserRoleAction} label="Change role">
            <input type="hidden" name="userId" value={person.id} />
            <label>
              Role{" "}
              <select name="role" defaultValue={person.role}>
                {USER_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role.toLowerCase()}
                  </option>
                ))}
              </select>
            </label>{" "}
            <button type="submit">Change role</button>
          </ActionForm>
        </section>
      )}

      {person.may.suspend && (
        <section aria-labelledby="suspend-heading">
          <h2 id="suspend-heading">Suspension</h2>
          {(person.suspension || person.endedSuspension) && (
            <ActionForm action={liftSuspensionAction} label="Lift the suspension">
              <input type="hidden" name="userId" value={person.id} />
              <button type="submit">Lift the suspension</button>
            </ActionForm>
          )}
          <ActionForm action={suspendUserAction} label="Suspend" className="stack">
            <input type="hidden" name="userId" value={person.id} />
            <label>
              Reason (shown to them when they try to sign in)
              <input name="reason" required maxLength={500} size={60} />
            </label>
            <label>
              Until (empty: indefinitely; ends at 00:00 UTC that day)
              <input name="until" type="date" />
            </label>
            <fieldset className="plain">
              <legend>Their pending submissions ({counts.pending})</legend>
              {Object.entries(PENDING_CHOICES).map(([value, label]) => (
                <label key={value}>
                  <input type="radio" name="pending" value={value} defaultChecked={value === "keep"} /> {label}
                </label>
              ))}
            </fieldset>
            <button type="submit">Suspend</button>
          </ActionForm>
          <h3>Spam</h3>
          <p>Suspends the account indefinitely and declines all of its {counts.pending} pending submissions, in one step.</p>
          <ActionForm action={cleanUpSpamAction} label="Clean up spam">
            <input type="hidden" name="userId" value={person.id} />
            <button type="submit">Suspend and decline everything pending</button>
          </ActionForm>
        </section>
      )}
      <p>
        <Link href={`/moderation/audit`}>Audit log</Link>
      </p>
    </>
  );
}
