import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CorrectionForm } from "@/components/editor/correction-form";
import { z } from "zod";
import { getActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/auth/permissions";
import { signInPath } from "@/lib/auth/sign-in-path";
import { parsePageParams, ZRoleSlugSchema } from "@/lib/http/request-params";
import { getCorrectionContext } from "@/lib/community/get-correction-context";
import { submitCorrectionAction } from "../../actions";

export const metadata: Metadata = { title: "Suggest a correction", robots: { index: false } };

export default async function CorrectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = parsePageParams(z.object({ slug: ZRoleSlugSchema }), await params);
  const actor = await getActor();
  if (!actor) redirect(signInPath(`/contribute/${slug}/correct`));
  if (!can(actor, "submission:create")) notFound();
  const context = await getCorrectionContext(slug);
  if (!context) notFound();
  return (
    <>
      <h1>Suggest a correction</h1>
      <p>
        to <Link href={`/roles/${context.occupation.slug}`}>{context.occupation.title}</Link>. A moderator reviews every correction; the official value stays one click away on the page.
      </p>
      <CorrectionForm occupationCode={context.occupation.code} baseRevisionNumber={context.baseRevisionNumber} fields={context.fields} tasks={context.tasks} action={submitCorrectionAction} idempotencyKey={randomUUID()} />
    </>
  );
}
