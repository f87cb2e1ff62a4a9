import Link from "next/link";
import type { ReactNode } from "react";
import type { RolePage, ShownListEntry } from "@/lib/roles/role-page.types";
import { officialSourceLabel } from "@/lib/roles/role-sentences";
import { isMarkedItem, ListItemMark, RemovedListItems, ShownValue } from "./community-correction";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DateTime } from "@/components/ui/date-time";

const SHOWN_TITLES = 6;

/**
 * Breadcrumb to the occupation's group, title, codes, when the data and the page last
 * changed, the one-line summary and "also known as" (a few titles, the rest behind a
 * <details>, no JS).
 */
export function RoleHeader({ page }: { page: RolePage }) {
  const titles = page.shown.alsoKnownAs;
  return (
    <header className="role-header">
      <Breadcrumb
        steps={[
          { label: "Careers", href: "/roles" },
          { label: page.group.name, href: `/roles?group=${page.group.code}` },
        ]}
        current={page.title}
      />
      <h1>{page.title}</h1>
      <p className="muted">
        O*NET-SOC <span className="code">{page.code}</span>
        {page.socCode && (
          <>
            {" "}
            · SOC 2018 <span className="code">{page.socCode}</span>
          </>
        )}
        {page.dataAsOf && (
          <>
            {" "}
            · Data as of <time dateTime={page.dataAsOf}>{page.dataAsOf}</time>
          </>
        )}
        {page.community.lastEditedAt && (
          <>
            {" "}
            · Last edited <Link href={page.community.historyUrl}><DateTime value={page.community.lastEditedAt} precision="date" /></Link>
          </>
        )}
      </p>
      {page.summary && <p className="role-summary">{page.summary}</p>}
      <ShownValue correction={titles.correction} officialSource={officialSourceLabel(page)}>
        <AlsoKnownAs titles={titles.items} missing={page.missing.alsoKnownAs} />
      </ShownValue>
      <RemovedListItems removed={titles.removed} />
    </header>
  );
}

/**
 * Titles separated by dots, each practitioners added or reworded marked. Official titles run
 * together as one text (a long list is one node, not a span a title).
 */
function Titles({ titles }: { titles: readonly ShownListEntry[] }) {
  const parts: ReactNode[] = [];
  let text = "";
  titles.forEach((entry, index) => {
    text += `${index > 0 ? " · " : ""}${entry.text}`;
    if (isMarkedItem(entry)) {
      parts.push(text, <ListItemMark key={entry.key} entry={entry} />);
      text = "";
    }
  });
  if (text) parts.push(text);
  return parts;
}

function AlsoKnownAs({ titles, missing }: { titles: readonly ShownListEntry[]; missing: string | undefined }) {
  const shown = titles.slice(0, SHOWN_TITLES);
  const rest = titles.slice(SHOWN_TITLES);
  return (
    <div className="also-known-as">
      <strong>Also known as: </strong>
      {shown.length === 0 ? (
        <span className="missing-data">{missing}</span>
      ) : (
        <>
          <Titles titles={shown} />
          {rest.length > 0 && (
            <details>
              <summary>+{rest.length} more</summary>
              <p>
                <Titles titles={rest} />
              </p>
            </details>
          )}
        </>
      )}
    </div>
  );
}
