import { REVISION_KIND_LABELS } from "@/lib/revisions/revision-kind-label";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PractitionerBadges } from "@/components/community/practitioner-badges";
import { DiffView } from "@/components/moderation/diff-view";
import { ActionForm } from "@/components/ui/action-form";
import { getActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/auth/permissions";
import { fieldShape } from "@/lib/community/fields";
import { resolveOccupation } from "@/lib/community/resolve-occupation";
import { z } from "zod";
import { parsePageParams, parsePageSearchParams, ZRoleSlugSchema } from "@/lib/http/request-params";
import { diffRevisions } from "@/lib/revisions/diff-revisions";
import { findRevisions } from "@/lib/revisions/find-revisions";
import { rollbackToRevisionAction } from "../../../../(moderation)/moderation/actions";
import "../../../../community.css";
import { DateTime } from "@/components/ui/date-time";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ZHistoryParamsSchema = z.object({ slug: ZRoleSlugSchema });
const revisionNumber = z.coerce.number<string>().int().min(0).max(1_000_000);
/** `?from=&to=`: the revisions to compare; values that are no revision number show the default pair. */
const ZHistorySearchParamsSchema = z.object({ from: revisionNumber.optional().catch(undefined), to: revisionNumber.optional().catch(undefined) });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const occupation = await resolveOccupation(parsePageParams(ZHistoryParamsSchema, await params).slug);
  return occupation
    ? { title: `History of ${occupation.title}`, robots: { index: false }, alternates: { types: { "application/atom+xml": [{ url: `/roles/${occupation.slug}/changes.atom`, title: `Changes to ${occupation.title}` }] } } }
    : {};
}

/** Every revision of the page's community layer: who, when, what, from which submission; diffs; rollback for moderators. */
export default async function RoleHistoryPage({ params, searchParams }: Props) {
  const { slug } = parsePageParams(ZHistoryParamsSchema, await params);
  const query = parsePageSearchParams(ZHistorySearchParamsSchema, await searchParams).data ?? {};
  const occupation = await resolveOccupation(slug);
  if (!occupation) notFound();
  const [revisions, actor] = await Promise.all([findRevisions(occupation.code), getActor()]);
  const mayRollback = can(actor, "revision:rollback");
  const latest = revisions[0]?.number ?? 0;
  const from = query.from ?? Math.max(0, latest - 1);
  const to = query.to ?? latest;
  const validRange = from <= latest && to <= latest;
  const diffs = validRange && from !== to ? await diffRevisions({ occupationCode: occupation.code, from, to }) : [];
  const numbers = [0, ...revisions.map((r) => r.number).reverse()];
  return (
    <>
      <p>
        <Link href={`/roles/${occupation.slug}`}>← {occupation.title}</Link>
      </p>
      <h1>History of {occupation.title}</h1>
      <p className="muted">Official values are never changed; this lists every community change laid over them. Revision 0 is the official page.</p>
      <p>
        <a href={`/roles/${occupation.slug}/changes.atom`} type="application/atom+xml">
          Follow this page&apos;s changes (Atom feed)
        </a>
      </p>
      {revisions.length === 0 ? (
        <p>No community changes yet.</p>
      ) : (
        <>
          <h2>Compare</h2>
          <form method="get" className="subnav" aria-label="Compare revisions">
            <label>
              From{" "}
              <select name="from" defaultValue={String(from)}>
                {numbers.map((n) => (
                  <option key={n} value={n}>
                    {n === 0 ? "0 (official)" : n}
                  </option>
                ))}
              </select>
            </label>
            <label>
              to{" "}
              <select name="to" defaultValue={String(to)}>
                {numbers.map((n) => (
                  <option key={n} value={n}>
                    {n === 0 ? "0 (official)" : n}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">Show differences</button>
          </form>
          {diffs.map((d) => (
            <div key={`${d.field}|${d.itemKey}`}>
              <h3>{d.fieldLabel}</h3>
              <DiffView parts={d.parts} list={fieldShape(d.field) === "list"} />
            </div>
          ))}
          <h2>Revisions</h2>
          <ol reversed className="diff-list">
            {revisions.map((r) => (
              <li key={r.id} id={`r${r.number}`} className="corrected">
                <strong>
                  #{r.number} {r.kind === "ROLLBACK" ? `${REVISION_KIND_LABELS.ROLLBACK} (restored #${r.restoredFromNumber})` : REVISION_KIND_LABELS[r.kind]}: {r.fieldLabel}
                </strong>{" "}
                {/* Readers who report are not named in public. */}
                by {r.kind === "REPORT" ? "a reader" : r.actorName}, <DateTime value={r.createdAt} />
                {r.submissionId && <span className="hint"> · from submission {r.submissionId}</span>}
                {r.author && r.kind === "APPROVAL" && (
                  <div data-testid="revision-author">
                    Proposed by {r.author.profileHref ? <Link href={r.author.profileHref}>{r.author.name}</Link> : r.author.name}
                    <PractitionerBadges badges={r.author.badges} />
                  </div>
                )}
                {r.field === "OFFICIAL_DATA" && <p data-testid="release-revision">{r.afterText}</p>}
                {r.field !== "NARRATIVE" && r.field !== "OFFICIAL_DATA" && (
                  <div className="compare">
                    <div>
                      <h4>Before{r.beforeOfficial ? " (official)" : ""}</h4>
                      <div className="current-value">{r.beforeText || "(none)"}</div>
                    </div>
                    <div>
                      <h4>After{r.afterOfficial ? " (official)" : ""}</h4>
                      <div className="current-value">{r.afterText || "(removed)"}</div>
                    </div>
                  </div>
                )}
                {mayRollback && r.field !== "NARRATIVE" && r.field !== "OFFICIAL_DATA" && (
                  <div className="subnav">
                    <ActionForm action={rollbackToRevisionAction} label={`Restore revision ${r.number}`}>
                      <input type="hidden" name="revisionId" value={r.id} />
                      <input type="hidden" name="restore" value="after" />
                      <button type="submit">Restore this version</button>
                    </ActionForm>
                    <ActionForm action={rollbackToRevisionAction} label={`Undo revision ${r.number}`}>
                      <input type="hidden" name="revisionId" value={r.id} />
                      <input type="hidden" name="restore" value="before" />
                      <button type="submit">Undo this change</button>
                    </ActionForm>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
