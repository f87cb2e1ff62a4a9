import type { RolePage } from "@/lib/roles/role-page.types";
import { officialSourceLabel } from "@/lib/roles/role-sentences";
import { CorrectedValue } from "./community-correction";

/** Practitioners' note on pay or outlook (no official counterpart), shown under Pay; Outlook links to it. */
export function PayOutlookNote({ page, placement }: { page: RolePage; placement: "pay" | "outlook" }) {
  const note = page.shown.payOutlookNote;
  if (!note) return null;
  if (placement === "outlook") {
    return (
      <p>
        <a href="#pay-outlook-note">Practitioners&apos; note on pay and outlook</a> (under Pay).
      </p>
    );
  }
  return (
    <>
      <h3 id="pay-outlook-note" tabIndex={-1}>
        Practitioners&apos; note on pay and outlook
      </h3>
      <CorrectedValue correction={note} officialSource={officialSourceLabel(page)}>
        <p style={{ whiteSpace: "pre-line" }}>{typeof note.value === "string" ? note.value : ""}</p>
      </CorrectedValue>
    </>
  );
}
