import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { RoleArticle } from "@/components/role/role-article";
import "@/components/role/role.css";
import { z } from "zod";
import { parsePageParams, ZRoleSlugSchema } from "@/lib/http/request-params";
import { getRolePageForRequest } from "@/lib/roles/get-role-page-cached";
import { payFigure } from "@/lib/roles/pay-ladder";
import { jsonLdScript, roleJsonLd } from "@/lib/roles/role-json-ld";
import { resolveRoleSlug } from "@/lib/roles/resolve-role-slug";
import { siteUrl } from "@/lib/site-url.cjs";

// No page is built at `next build` (the build needs no database): each is rendered on its
// first request and then served from Next's cache. Nothing here reads cookies or headers.
export const dynamicParams = true;
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

interface RolePageProps {
  params: Promise<{ slug: string }>;
}

/** A role's slug, an old slug or its O*NET-SOC code (both redirect); anything else is the 404 page. */
const ZRolePageParamsSchema = z.object({ slug: z.union([ZRoleSlugSchema, z.string().regex(/^\d{2}-\d{4}\.\d{2}$/)]) });

export async function generateMetadata({ params }: RolePageProps): Promise<Metadata> {
  const { slug } = parsePageParams(ZRolePageParamsSchema, await params);
  const role = await getRolePageForRequest(slug);
  if (!role) return {};
  const url = `${siteUrl()}/roles/${role.slug}`;
  const pay = role.shown.pay;
  const description = [role.summary, pay?.median.value ? `Median pay ${payFigure(pay.unit, pay.median)} (BLS ${role.wages!.source.referencePeriod}).` : null].filter(Boolean).join(" ");
  return {
    title: role.title,
    description,
    alternates: { canonical: url, types: { "text/markdown": `${url}.md`, "application/atom+xml": [{ url: `${url}/changes.atom`, title: `Changes to ${role.title}` }] } },
    openGraph: { type: "article", title: `${role.title} · Careerwiki`, description, url, siteName: "Careerwiki" },
    twitter: { card: "summary", title: role.title, description },
  };
}

export default async function RolePage({ params }: RolePageProps) {
  const { slug } = parsePageParams(ZRolePageParamsSchema, await params);
  const role = await getRolePageForRequest(slug);
  if (!role) {
    const target = await resolveRoleSlug(slug);
    if (target) permanentRedirect(`/roles/${target}`);
    notFound();
  }
  const url = `${siteUrl()}/roles/${role.slug}`;
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(roleJsonLd(role, url)) }} />
      <RoleArticle page={role} url={url} />
    </>
  );
}
