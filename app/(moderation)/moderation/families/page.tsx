import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { FAMILY_SOURCE_LABELS, findReviewerFamilies } from "@/lib/reviewers/find-reviewer-families";
import { SOC_MAJOR_GROUPS } from "@/lib/roles/soc-major-groups";
import { updateReviewerFamiliesAction } from "./actions";

export const metadata: Metadata = { title: "Families you review", robots: { index: false } };

/** The occupation families whose items the queue shows "for you" first and the digest reports. */
export default async function ReviewerFamiliesPage() {
  const actor = await requirePageActor("moderation:view-queue", "/moderation/families");
  const families = await findReviewerFamilies({ actor });
  const chosen = families.filter((f) => f.sources.includes("chosen")).map((f) => f.family);
  return (
    <>
      <h1>Families you review</h1>
      <p className="muted">
        A family is a SOC minor group (15-1299.05 is in 15-1200). Items about occupations in your families come first in the queue&apos;s{" "}
        <Link href="/moderation?sort=for-you">For you</Link> order, and a daily digest tells you when items wait in them. Your families are those of the
        occupations on your <Link href="/profile">profile</Link> and those you choose here.
      </p>
      {families.length === 0 ? (
        <p data-testid="reviewer-families">You review no families yet.</p>
      ) : (
        <ul data-testid="reviewer-families">
          {families.map((f) => (
            <li key={f.family}>
              {f.family} ({SOC_MAJOR_GROUPS[f.family.slice(0, 2)] ?? "other"}): {f.sources.map((s) => FAMILY_SOURCE_LABELS[s]).join(", ")}
            </li>
          ))}
        </ul>
      )}
      <h2>Choose families</h2>
      <ActionForm action={updateReviewerFamiliesAction} label="Families you choose">
        <label>
          Families (SOC minor groups like 29-1100, or occupation codes), separated by commas
          <input name="families" defaultValue={chosen.join(", ")} size={40} />
        </label>
        <button type="submit">Save</button>
      </ActionForm>
    </>
  );
}
