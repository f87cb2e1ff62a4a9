import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { RoleCommunitySection } from "@/components/community/role-community-section";
import { SourcesList } from "@/components/role/sources-list";
import { TaskList } from "@/components/role/task-list";
import { getCommunityOverlay } from "@/lib/community/get-community-overlay";
import { getRolePage } from "@/lib/roles/get-role-page";
import { resolveRoleSlug } from "@/lib/roles/resolve-role-slug";

// No page is built at `next build` (the build needs no database): each is rendered on its
// first request and then served from Next's cache.
export const dynamicParams = true;
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

interface RolePageProps {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: RolePageProps): Promise<Metadata> {
  const { slug } = await params;
  const role = await getRolePage(slug);
  if (!role) return {};
  return { title: role.title, description: role.description.slice(0, 200), alternates: { canonical: `/roles/${role.slug}` } };
}

export default async function RolePage({ params }: RolePageProps) {
  const { slug } = await params;
  const role = await getRolePage(slug);
  if (!role) {
    const target = await resolveRoleSlug(slug);
    if (target) permanentRedirect(`/roles/${target}`);
    notFound();
  }
  const community = await getCommunityOverlay(role.code);
  return (
    <article>
      <h1>{role.title}</h1>
      <p className="muted">
        O*NET-SOC <span className="code">{role.code}</span>
      </p>
      <section aria-labelledby="overview">
        <h2 id="overview">Overview</h2>
        <p>{role.description}</p>
      </section>
      <section aria-labelledby="tasks">
        <h2 id="tasks">Key responsibilities</h2>
        <TaskList tasks={role.tasks} />
      </section>
      <RoleCommunitySection slug={role.slug} community={community} />
      <section aria-labelledby="sources">
        <h2 id="sources">Sources</h2>
        <SourcesList releases={role.sources} />
      </section>
    </article>
  );
}
