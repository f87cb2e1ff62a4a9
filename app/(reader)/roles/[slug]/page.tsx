import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { RoleCommunitySection } from "@/components/community/role-community-section";
import { AiExposureSection } from "@/components/role/ai-exposure-section";
import { CorrectedValue, correctionText, findCorrection } from "@/components/role/community-correction";
import { EducationSection } from "@/components/role/education-section";
import { InsideThisCareer } from "@/components/role/inside-this-career";
import { OutlookSection } from "@/components/role/outlook-section";
import { PaySection } from "@/components/role/pay-section";
import { QuickFacts } from "@/components/role/quick-facts";
import { RatingsSection } from "@/components/role/ratings-section";
import { ReleaseNotice } from "@/components/role/release-notice";
import { RelatedCareers } from "@/components/role/related-careers";
import { RoleHeader } from "@/components/role/role-header";
import { MissingData, RoleSection } from "@/components/role/role-section";
import { SourcesList } from "@/components/role/sources-list";
import { TaskList } from "@/components/role/task-list";
import { TechnologySection } from "@/components/role/technology-section";
import "@/components/role/role.css";
import { z } from "zod";
import { getCommunityOverlay } from "@/lib/community/get-community-overlay";
import { formatDollars } from "@/lib/roles/format-figures";
import { parsePageParams, ZRoleSlugSchema } from "@/lib/http/request-params";
import { getRolePageForRequest } from "@/lib/roles/get-role-page-cached";
import { payAt } from "@/lib/roles/pay-ladder";
import { jsonLdScript, roleJsonLd } from "@/lib/roles/role-json-ld";
import { missing, officialSourceLabel } from "@/lib/roles/role-sentences";
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
  const median = payAt(role.wages?.annual, 50);
  const description = [role.summary, median?.value ? `Median pay ${formatDollars(median.value)} a year (BLS ${role.wages!.source.referencePeriod}).` : null].filter(Boolean).join(" ");
  return {
    title: role.title,
    description,
    alternates: { canonical: url, types: { "text/markdown": `${url}.md` } },
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
  const community = await getCommunityOverlay(role.code);
  const description = findCorrection(role, "DESCRIPTION");
  return (
    <article className="role-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(roleJsonLd(role, url)) }} />
      <RoleHeader page={role} />
      <ReleaseNotice page={role} />
      <QuickFacts page={role} />
      <p className="page-exports muted">
        Also as <a href={`/roles/${role.slug}.md`}>Markdown</a> · <a href={`/api/roles/${role.code}`}>JSON</a> ·{" "}
        <a href={`/compare?roles=${role.slug}`}>compare with other careers</a>
      </p>

      <RoleSection id="overview" title="Overview" sources={[role.onet]}>
        {description ? (
          <CorrectedValue correction={description} officialSource={officialSourceLabel(role)}>
            <p>{correctionText(description.value)}</p>
          </CorrectedValue>
        ) : role.description ? (
          <p>{role.description}</p>
        ) : (
          <MissingData>{missing.description(role)}</MissingData>
        )}
      </RoleSection>

      <RoleSection id="tasks" title="Key responsibilities" sources={[role.onet]}>
        {role.tasks.length > 0 && !role.tasksRanked && <p className="muted">In O*NET&apos;s order; this release carries no task importance ratings.</p>}
        {role.tasksRanked && <p className="muted">Most important first, by O*NET&apos;s task ratings.</p>}
        <TaskList page={role} emptyText={missing.tasks(role)} />
      </RoleSection>

      <InsideThisCareer roleTitle={role.title} slug={role.slug} narratives={community.narrativeSummaries} />
      <RoleCommunitySection slug={role.slug} community={community} />
      <PaySection page={role} />
      <OutlookSection page={role} />
      <EducationSection page={role} />
      <AiExposureSection page={role} />
      <RatingsSection page={role} />
      <TechnologySection page={role} />
      <RelatedCareers page={role} />

      <section aria-labelledby="sources" className="role-section">
        <h2 id="sources">Sources</h2>
        <SourcesList releases={role.sources} dataAsOf={role.dataAsOf} />
      </section>
    </article>
  );
}
