/**
 * Words people search with that O*NET's own titles, alternate titles and reported titles
 * (all searched already, lib/roles/search-roles.ts) do not lead to the role meant:
 * abbreviations and job-family names. Each was added because the labelled query set of
 * `npm run bench:search` (scripts/bench/search-labelled-queries.tsv) put another role first
 * without it; add an entry only for such a failure. A query equal to `term` (compared as
 * its lower-cased words: "UX/UI designer" = "ux ui designer") lists `codes` first, in order;
 * a term needs a word that is not an English stop word ("IT" alone would never be searched).
 */
export interface SearchSynonym {
  term: string;
  /** O*NET-SOC codes meant, the likeliest first. */
  codes: string[];
  /** Where the meaning comes from. */
  source: string;
}

const BLS_OOH = "BLS Occupational Outlook Handbook, the occupation's 'What they do' and 'Similar occupations' pages";
const IT_USAGE = "common IT job-posting usage; O*NET lists the work under this occupation's tasks, not the term";

export const SEARCH_SYNONYMS: SearchSynonym[] = [
  { term: "pentester", codes: ["15-1299.04"], source: "short for penetration tester (O*NET title 'Penetration Testers'); as one word it matched 'Testers' elsewhere" },
  { term: "UX designer", codes: ["15-1255.00"], source: `${BLS_OOH}: web developers and digital designers (user experience designers)` },
  { term: "UI designer", codes: ["15-1255.00"], source: `${BLS_OOH}: web developers and digital designers (user interface designers)` },
  { term: "UX/UI designer", codes: ["15-1255.00"], source: `${BLS_OOH}: web developers and digital designers` },
  { term: "SWE", codes: ["15-1252.00"], source: `software engineer, ${IT_USAGE}` },
  { term: "coder", codes: ["15-1251.00", "29-2072.00"], source: "programmer in everyday usage; medical coders (O*NET 'Medical Records Specialists') second" },
  { term: "frontend developer", codes: ["15-1254.00"], source: `${BLS_OOH}: web developers (front-end developers)` },
  { term: "front end developer", codes: ["15-1254.00"], source: `${BLS_OOH}: web developers (front-end developers)` },
  { term: "backend developer", codes: ["15-1252.00", "15-1254.00"], source: `${BLS_OOH}: back-end work is described under software developers and web developers` },
  { term: "sysadmin", codes: ["15-1244.00"], source: "short for system administrator (O*NET 'Network and Computer Systems Administrators')" },
  { term: "SRE", codes: ["15-1244.00", "15-1252.00"], source: `site reliability engineer, ${IT_USAGE}` },
  { term: "devops engineer", codes: ["15-1244.00", "15-1252.00"], source: IT_USAGE },
  { term: "QA tester", codes: ["15-1253.00"], source: "quality assurance tester (O*NET 'Software Quality Assurance Analysts and Testers'); 'tester' alone matched product inspectors" },
  { term: "CISO", codes: ["11-3021.00", "15-1212.00"], source: "chief information security officer: BLS OOH, computer and information systems managers" },
  { term: "CTO", codes: ["11-3021.00"], source: "chief technology officer: BLS OOH, computer and information systems managers" },
  { term: "CFO", codes: ["11-3031.00", "11-1011.00"], source: "chief financial officer: BLS OOH, financial managers (controllers, treasurers, CFOs)" },
  { term: "x-ray tech", codes: ["29-2034.00"], source: `${BLS_OOH}: radiologic and MRI technologists (x-ray technicians)` },
  {
    term: "therapist",
    codes: ["19-3033.00", "21-1014.00", "21-1013.00", "29-1123.00"],
    source: `unqualified, a talk therapist (psychotherapist): ${BLS_OOH} for psychologists (clinical and counseling), mental health counselors and marriage and family therapists; physical therapists next, O*NET's 'Art Therapists' matched first without it`,
  },
  {
    term: "social worker",
    codes: ["21-1021.00", "21-1022.00", "21-1023.00", "21-1029.00"],
    source: `${BLS_OOH}: social workers, whose largest specialty is child, family, and school social work; healthcare social workers matched first without it`,
  },
  { term: "shrink", codes: ["29-1223.00", "19-3033.00"], source: "colloquial for psychiatrist (Merriam-Webster 'shrink', noun 2)" },
  { term: "TA", codes: ["25-9042.00"], source: "teaching assistant / teacher's aide (O*NET 'Teaching Assistants, Preschool, Elementary, Middle, and Secondary School')" },
  { term: "line cook", codes: ["35-2014.00"], source: `${BLS_OOH}: cooks (restaurant line cooks)` },
  { term: "server", codes: ["35-3031.00"], source: `${BLS_OOH}: waiters and waitresses ('also called servers')` },
  { term: "mechanic", codes: ["49-3023.00", "49-3031.00", "49-9041.00"], source: "a mechanic is an auto mechanic unless qualified (BLS OOH, automotive service technicians and mechanics)" },
  { term: "TSA agent", codes: ["33-9093.00"], source: "Transportation Security Administration screener (O*NET 'Transportation Security Screeners')" },
  { term: "PM", codes: ["13-1082.00", "15-1299.09"], source: "project manager (O*NET 'Project Management Specialists')" },
  { term: "IT project manager", codes: ["15-1299.09"], source: "O*NET 'Information Technology Project Managers'; 'IT' is a stop word, so the query lost it" },
];
