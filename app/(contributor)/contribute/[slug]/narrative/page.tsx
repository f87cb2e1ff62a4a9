import type { JSONContent } from "@tiptap/react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NarrativeEditor } from "@/components/editor/narrative-editor";
import { z } from "zod";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { parsePageParams, ZRoleSlugSchema } from "@/lib/http/request-params";
import type { TNarrativePromptKey } from "@/lib/community/narrative-document";
import { getMyDraft } from "@/lib/submissions/get-my-draft";
import { resolveOccupation } from "@/lib/community/resolve-occupation";
import { saveNarrativeDraftAction, submitNarrativeAction } from "../../actions";

export const metadata: Metadata = { title: "Share your experience", robots: { index: false } };

export default async function NarrativePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = parsePageParams(z.object({ slug: ZRoleSlugSchema }), await params);
  const actor = await requirePageActor("submission:create", `/contribute/${slug}/narrative`);
  const occupation = await resolveOccupation(slug);
  if (!occupation) notFound();
  const draft = await getMyDraft({ actor, occupationCode: occupation.code });
  return (
    <>
      <h1>Share your experience</h1>
      <p>
        as a practitioner of <Link href={`/roles/${occupation.slug}`}>{occupation.title}</Link>. Write about the work as you know it; a moderator reviews it before it appears on the page. Your draft saves itself as you type.
      </p>
      <NarrativeEditor
        occupationCode={occupation.code}
        draftId={draft?.id}
        initialDoc={(draft?.narrativeDoc as JSONContent | undefined) ?? undefined}
        initialYears={draft?.yearsInRole}
        initialAnswers={(draft?.promptAnswers ?? {}) as Partial<Record<TNarrativePromptKey, string>>}
        saveDraft={saveNarrativeDraftAction}
        submit={submitNarrativeAction}
      />
    </>
  );
}
