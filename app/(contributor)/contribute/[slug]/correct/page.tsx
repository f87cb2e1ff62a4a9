import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CorrectionForm } from "@/components/editor/correction-form";
import { z } from "zod";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { parsePageParams, ZRoleSlugSchema } from "@/lib/http/request-params";
import { getCorrectionContext } from "@/lib/community/get-correction-context";
import { submitCorrectionAction } from "../../actions";

export const metadata: Metadata = { title: "Suggest a correction", robots: { index: false } };

export default async function CorrectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = parsePageParams(z.object({ slug: ZRoleSlugSchema }), await params);
  await requirePageActor("submission:create", `/contribute/${slug}/correct`);
  const context = await getCorrectionContext(slug);
  if (!context) notFound();
  return (
    <>
      <h1>Suggest a correction</h1>
      <p>
        to <Link href={`/roles/${context.occupation.slug}`}>{context.occupation.title}</Link>. A moderator reviews every correction; the official value stays one click away on the page.
      </p>
      <CorrectionForm occupationCode={context.occupation.code} baseRevisionNumber={context.baseRevisionNumber} fields={context.fields} lists={context.lists} tasks={context.tasks} action={submitCorrectionAction} idempotencyKey={randomUUID()} />
    </>
  );
}
