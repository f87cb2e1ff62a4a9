import Link from "next/link";
import type { ReactNode } from "react";
import type { RolePage, RoleSectionId, RoleSectionInfo } from "@/lib/roles/role-page.types";
import { officialSourceLabel } from "@/lib/roles/role-sentences";
import { AiExposureSection } from "./ai-exposure-section";
import { CiteThisPage } from "./cite-this-page";
import { ShownValue } from "./community-correction";
import { EducationSection } from "./education-section";
import { InsideThisCareer } from "./inside-this-career";
import { LayOutSections } from "./lay-out-sections";
import { OutlookSection } from "./outlook-section";
import { PaySection } from "./pay-section";
import { QuickFacts } from "./quick-facts";
import { RatingsSection } from "./ratings-section";
import { RelatedCareers } from "./related-careers";
import { ReleaseNotice } from "./release-notice";
import { RoleHeader } from "./role-header";
import { MissingData, RoleSection } from "./role-section";
import { SourcesList } from "./sources-list";
import { TaskList } from "./task-list";
import { TechnologySection } from "./technology-section";
import { WatchButton } from "./watch-button";
import { WorkContextSection, WorkStylesSection } from "./work-profile-section";

type SectionView = (props: { page: RolePage; section: RoleSectionInfo; url: string }) => ReactNode;

const SECTION_VIEWS: Record<RoleSectionId, SectionView> = {
  overview: Overview,
  tasks: Tasks,
  "inside-this-career": InsideThisCareer,
  pay: PaySection,
  outlook: OutlookSection,
  education: EducationSection,
  "ai-exposure": AiExposureSection,
  skills: RatingsSection,
  "work-styles": WorkStylesSection,
  "work-context": WorkContextSection,
  technology: TechnologySection,
  related: RelatedCareers,
  sources: Sources,
};

/**
 * The role page's HTML: the one role view formatted, section by section in the view's order,
 * with an "On this page" menu of real anchors (sticky beside the article on wide screens, a
 * disclosure on phones). Server-rendered; the watch button asks for its state from the browser.
 */
export function RoleArticle({ page, url }: { page: RolePage; url: string }) {
  return (
    <article className="role-page">
      <RoleHeader page={page} />
      <ReleaseNotice page={page} />
      <QuickFacts page={page} />
      <p className="page-actions">
        <Link href={`/contribute/${page.slug}/correct`} rel="nofollow">
          Suggest a correction
        </Link>
        <Link href={`/contribute/${page.slug}/narrative`} rel="nofollow">
          Share your experience
        </Link>
        <Link href={page.community.historyUrl}>Page history</Link>
        <span className="muted">
          Also as <a href={`/roles/${page.slug}.md`}>Markdown</a> · <a href={`/api/roles/${page.code}`}>JSON</a> · <a href={`/compare?roles=${page.slug}`}>compare with other careers</a>
        </span>
        {/* Last in the row: its text arrives after the page, so nothing after it may move. */}
        <WatchButton code={page.code} slug={page.slug} />
      </p>
      <div className="role-layout">
        <details className="on-this-page">
          <summary>On this page</summary>
          <nav aria-label="On this page">
            <ol>
              {page.sections.map((section) => (
                <li key={section.id}>
                  <a href={`#${section.id}`}>{section.title}</a>
                </li>
              ))}
            </ol>
          </nav>
        </details>
        <div className="role-sections">
          {page.sections.map((section) => {
            const Section = SECTION_VIEWS[section.id];
            return <Section key={section.id} page={page} section={section} url={url} />;
          })}
        </div>
        <LayOutSections />
      </div>
    </article>
  );
}

function Overview({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
  const description = page.shown.description;
  return (
    <RoleSection section={section}>
      {page.missing.description ? (
        <MissingData>{page.missing.description}</MissingData>
      ) : (
        <ShownValue correction={description.correction} officialSource={officialSourceLabel(page)}>
          <p>{description.value}</p>
        </ShownValue>
      )}
    </RoleSection>
  );
}

function Tasks({ page, section }: { page: RolePage; section: RoleSectionInfo }) {
  return (
    <RoleSection section={section}>
      {page.tasks.length > 0 && !page.tasksRanked && <p className="muted">In O*NET&apos;s order; this release carries no task importance ratings.</p>}
      {page.tasksRanked && <p className="muted">Most important first, by O*NET&apos;s task ratings.</p>}
      <TaskList page={page} />
    </RoleSection>
  );
}

function Sources({ page, section, url }: { page: RolePage; section: RoleSectionInfo; url: string }) {
  return (
    <RoleSection section={section}>
      <SourcesList releases={page.sources} dataAsOf={page.dataAsOf} />
      <CiteThisPage citation={{ title: page.title, slug: page.slug, url, revision: page.community.latestRevision, retrieved: (page.community.lastEditedAt ?? page.dataAsOf ?? "").slice(0, 10) }} />
    </RoleSection>
  );
}
