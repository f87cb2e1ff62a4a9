import { NARRATIVE_PROMPTS } from "@/lib/community/narrative-prompts";
import type { MyDataExport } from "./export-my-data";

/** The export as a document a person can read: the same content as the JSON, in Markdown. */
export function myDataToMarkdown(data: MyDataExport): string {
  const out: string[] = [];
  const line = (text = "") => out.push(text);
  line(`# Your Careerwiki data`);
  line();
  line(`Exported ${data.exportedAt}. The JSON download holds the same, for programs.`);
  line();
  line("## Account");
  line();
  line(`- Email: ${data.account.email}`);
  line(`- Name: ${data.account.name ?? "(none)"}`);
  line(`- Role: ${data.account.role}`);
  line(`- Joined: ${data.account.joinedAt}`);
  line(`- Sign-in methods: ${data.account.signInMethods.join(", ")}`);
  line();
  line("## Profile");
  line();
  if (!data.profile) line("You have not saved a profile.");
  else {
    const p = data.profile;
    for (const [label, value] of [
      ["Display name", p.displayName],
      ["Job title", p.jobTitle],
      ["Years of experience", p.yearsExperience],
      ["Sector", p.sector],
      ["Region", p.region],
      ["Occupations", p.occupations.join(", ")],
      ["Bio", p.bio],
    ] as const) {
      line(`- ${label}: ${value === null || value === "" ? "(none)" : value}`);
    }
  }
  line();
  line(`## Submissions (${data.submissions.length})`);
  for (const s of data.submissions) {
    line();
    line(`### ${s.kind === "NARRATIVE" ? "Narrative" : `Correction: ${s.field ?? ""} (${(s.operation ?? "").toLowerCase()})`}, ${s.page.title ?? s.page.code}`);
    line();
    line(`- Status: ${s.status.toLowerCase().replace("_", " ")}`);
    line(`- Written: ${s.createdAt}${s.submittedAt ? `; sent ${s.submittedAt}` : ""}${s.decidedAt ? `; decided ${s.decidedAt}` : ""}`);
    if (s.decision) line(`- Decision: ${s.decision.message ?? s.decision.reason}`);
    if (s.reportReason) line(`- Reported by a reader (${s.reportedAt}): ${s.reportReason}`);
    if (s.kind === "CORRECTION") {
      line(`- Proposed value: ${valueText(s.proposedValue)}`);
      if (s.rationale) line(`- Why: ${s.rationale}`);
      if (s.sourceUrl) line(`- Source: ${s.sourceUrl}`);
    } else if (s.narrative) {
      if (s.narrative.yearsInRole !== null) line(`- Years in the role: ${s.narrative.yearsInRole}`);
      line();
      line(documentText(s.narrative.document));
      const answers = (s.narrative.promptAnswers ?? {}) as Record<string, unknown>;
      for (const [key, question] of Object.entries(NARRATIVE_PROMPTS)) {
        if (typeof answers[key] === "string" && answers[key]) {
          line();
          line(`**${question}** ${answers[key]}`);
        }
      }
    }
  }
  line();
  line(`## Reports you made (${data.reportsMade.length})`);
  line();
  for (const r of data.reportsMade) line(`- ${r.createdAt}, narrative ${r.narrativeId}: ${r.reason}${r.resolution ? ` (${r.resolution})` : ""}`);
  line();
  line(`## Practitioner verifications (${data.verifications.length})`);
  line();
  for (const v of data.verifications) {
    const evidence = [v.evidence.credentialIssuer && `${v.evidence.credentialIssuer} ${v.evidence.credentialNumber ?? ""}`, v.evidence.referenceUrl, v.evidence.workEmail && `${v.evidence.workEmail}${v.evidence.workEmailConfirmed ? " (confirmed)" : ""}`].filter(Boolean).join("; ");
    line(`- ${v.requestedAt}: ${v.occupationCode}, ${v.status.toLowerCase()}${v.expiresAt ? ` until ${v.expiresAt}` : ""}. Evidence: ${evidence || "none"}${v.reason ? `. Reason given: ${v.reason}` : ""}`);
  }
  line();
  line(`## Notifications (${data.notifications.length})`);
  line();
  for (const n of data.notifications) line(`- ${n.createdAt}: ${n.kind.toLowerCase().replaceAll("_", " ")} (${n.submissionId ? `submission ${n.submissionId}` : n.verificationId ? `verification ${n.verificationId}` : (n.summary ?? "")})${n.read ? "" : ", unread"}`);
  line();
  line(`## Pages you watch (${data.watchedPages.length})`);
  line();
  for (const code of data.watchedPages) line(`- ${code}`);
  line();
  line(`## Sign-ins kept (${data.signIns.length})`);
  line();
  line("The site keeps each signed-in session until it expires; no addresses or devices are recorded.");
  line();
  for (const s of data.signIns) line(`- Started ${s.startedAt}, last active ${s.lastActiveAt}, expires ${s.expiresAt}`);
  return `${out.join("\n")}\n`;
}

/** A correction's value as text: a text value, a task, a list item, a whole list, or JSON for anything else. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return "(removal)";
  const record = value as { text?: unknown; statement?: unknown; item?: unknown; items?: unknown };
  if (typeof record.text === "string") return record.text;
  if (typeof record.statement === "string") return record.statement;
  if (typeof record.item === "string") return record.item;
  if (Array.isArray(record.items)) return record.items.map(String).join("; ");
  return JSON.stringify(value);
}

/** A narrative's tiptap document as Markdown: headings, paragraphs, lists, quotes; marks as plain text. */
function documentText(doc: unknown): string {
  const blocks: string[] = [];
  const inline = (node: unknown): string => {
    const n = node as { text?: unknown; content?: unknown; type?: unknown };
    if (typeof n?.text === "string") return n.text;
    if (n?.type === "hardBreak") return "\n";
    return Array.isArray(n?.content) ? n.content.map(inline).join("") : "";
  };
  const block = (node: unknown, prefix = ""): void => {
    const n = node as { type?: unknown; attrs?: { level?: unknown }; content?: unknown[] };
    const children = Array.isArray(n?.content) ? n.content : [];
    switch (n?.type) {
      case "heading":
        blocks.push(`${prefix}${"#".repeat(Math.min(6, Number(n.attrs?.level) + 2 || 4))} ${inline(n)}`);
        break;
      case "paragraph":
        blocks.push(`${prefix}${inline(n)}`);
        break;
      case "bulletList":
      case "orderedList":
        children.forEach((item, index) => blocks.push(`${prefix}${n.type === "bulletList" ? "-" : `${index + 1}.`} ${inline(item).trim()}`));
        break;
      case "blockquote":
        for (const child of children) block(child, `${prefix}> `);
        break;
      default:
        for (const child of children) block(child, prefix);
    }
  };
  block(doc);
  return blocks.join("\n\n");
}
