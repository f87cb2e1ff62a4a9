import type { RolePage } from "@/lib/roles/role-page.types";
import { missing, officialSourceLabel } from "@/lib/roles/role-sentences";
import { CorrectedValue, correctionItems, findCorrection } from "./community-correction";

const SHOWN_TITLES = 6;

/** Title, code, one-line summary and "also known as" (a few titles, the rest behind a <details>, no JS). */
export function RoleHeader({ page }: { page: RolePage }) {
  const corrected = findCorrection(page, "ALTERNATE_TITLES");
  return (
    <header className="role-header">
      <h1>{page.title}</h1>
      <p className="muted">
        O*NET-SOC <span className="code">{page.code}</span>
        {page.socCode && (
          <>
            {" "}
            · SOC 2018 <span className="code">{page.socCode}</span>
          </>
        )}
      </p>
      {page.summary && <p className="role-summary">{page.summary}</p>}
      {corrected ? (
        <CorrectedValue correction={corrected} officialSource={officialSourceLabel(page)}>
          <AlsoKnownAs page={page} titles={correctionItems(corrected.value)} />
        </CorrectedValue>
      ) : (
        <AlsoKnownAs page={page} titles={page.alsoKnownAs} />
      )}
    </header>
  );
}

function AlsoKnownAs({ page, titles }: { page: RolePage; titles: string[] }) {
  const shown = titles.slice(0, SHOWN_TITLES);
  const rest = titles.slice(SHOWN_TITLES);
  return (
    <div className="also-known-as">
      <strong>Also known as: </strong>
      {shown.length === 0 ? (
        <span className="missing-data">{missing.alsoKnownAs(page)}</span>
      ) : (
        <>
          {shown.join(" · ")}
          {rest.length > 0 && (
            <details>
              <summary>+{rest.length} more</summary>
              <p>{rest.join(" · ")}</p>
            </details>
          )}
        </>
      )}
    </div>
  );
}
