import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { parsePageSearchParams, ZRoleSlugSchema } from "@/lib/http/request-params";

/** /contribute/narrative?role=<slug> (the role page's "Inside this career" link) → the editor for that role. */
export default async function NarrativeForRolePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = parsePageSearchParams(z.object({ role: ZRoleSlugSchema }), await searchParams);
  if (!parsed.success) notFound();
  const { role } = parsed.data;
  redirect(`/contribute/${role}/narrative`);
}
