import type { RoleRelease } from "@/lib/roles/role-page.types";

/** Every dataset release the page draws on: publisher, release, period, licence, link; and when it was imported. */
export function SourcesList({ releases, dataAsOf }: { releases: readonly RoleRelease[]; dataAsOf: string | null }) {
  return (
    <>
      <dl className="sources">
        {releases.map((release) => (
          <div key={`${release.dataset}|${release.version}`}>
            <dt>
              {release.name} {release.version}
            </dt>
            <dd>
              {release.publisher}. Reference period: {release.referencePeriod}. Licence: {release.license}.{" "}
              <a href={release.sourceUrl} rel="noopener">
                {release.sourceUrl}
              </a>
              <br />
              <span className="muted">{release.citation}</span>
            </dd>
          </div>
        ))}
      </dl>
      {dataAsOf && <p className="muted">Data as of {dataAsOf} (the date these releases were imported).</p>}
    </>
  );
}
