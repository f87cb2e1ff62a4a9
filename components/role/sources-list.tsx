import type { ReleaseSummary } from "@/lib/releases/find-current-releases";

/** Every dataset release the page draws on: publisher, release, period, licence, link. */
export function SourcesList({ releases }: { releases: ReleaseSummary[] }) {
  return (
    <dl className="sources">
      {releases.map((release) => (
        <div key={release.id}>
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
  );
}
