import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { TechnologySection } from "@/components/role/technology-section";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import "@/components/role/role.css";
import { parsePageParams, ZRoleSlugSchema } from "@/lib/http/request-params";
import { getRolePageForRequest } from "@/lib/roles/get-role-page-cached";
import { siteUrl } from "@/lib/site-url.cjs";

// Cached like the role page (its view, tagged with the role: an approved correction or an
// import refreshes both): rendered on the first request, then served from Next's cache.
export const dynamicParams = true;
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

interface RoleTechnologyPageProps {
  params: Promise<{ slug: string }>;
}

const ZRoleTechnologyParamsSchema = z.object({ slug: ZRoleSlugSchema });

export async function generateMetadata({ params }: RoleTechnologyPageProps): Promise<Metadata> {
  const role = await getRolePageForRequest(parsePageParams(ZRoleTechnologyParamsSchema, await params).slug);
  if (!role) return {};
  const url = `${siteUrl()}/roles/${role.slug}/technology`;
  return { title: `Technology and tools: ${role.title}`, description: `Every technology and tool O*NET lists for ${role.title}.`, alternates: { canonical: url } };
}

/** The role's whole technology and tool lists, which its page shortens to the first entries. */
export default async function RoleTechnologyPage({ params }: RoleTechnologyPageProps) {
  const { slug } = parsePageParams(ZRoleTechnologyParamsSchema, await params);
  const role = await getRolePageForRequest(slug);
  const section = role?.sections.find((candidate) => candidate.id === "technology");
  if (!role || !section) notFound();
  return (
    <article className="role-page">
      <Breadcrumb
        steps={[
          { label: "Careers", href: "/roles" },
          { label: role.title, href: `/roles/${role.slug}` },
        ]}
        current="Technology and tools"
      />
      <h1>{role.title}: technology and tools</h1>
      <TechnologySection page={role} section={section} url={`${siteUrl()}/roles/${role.slug}`} full />
    </article>
  );
}
