import { notFound, redirect } from "next/navigation";

/** /contribute/narrative?role=<slug> (the role page's "Inside this career" link) → the editor for that role. */
export default async function NarrativeForRolePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const role = (await searchParams).role;
  if (typeof role !== "string" || !/^[a-z0-9-]{1,200}$/.test(role)) notFound();
  redirect(`/contribute/${role}/narrative`);
}
