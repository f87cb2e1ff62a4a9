import type { OnetPartReleases } from "@/lib/releases/onet-part-releases";
import type { ImportContext } from "../dataset-importer";
import { findCurrentReleaseId } from "../register-release";
import { assignSlugs } from "./slugs";

interface CurrentOccupation {
  code: string;
  title: string;
  socCode: string | null;
}

/**
 * Brings the stable `Occupation` rows (the identity pages and community edits hang on)
 * in line with the newest O*NET release: new codes get a slug once; a changed title gets
 * a new slug and keeps the old one as a redirect; the SOC 2018 code follows the crosswalk.
 * An occupation the current release no longer lists keeps its row (its page, narratives and
 * history stay; the page says it is not in the current release).
 */
export async function refreshOccupations(context: ImportContext, parts: OnetPartReleases) {
  const { client } = context;
  const currentReleaseId = parts.occupations?.id ?? null;
  if (currentReleaseId === null) return;
  const crosswalkReleaseId = await findCurrentReleaseId(client, "onet-soc-crosswalk");
  const current = await client.query<CurrentOccupation>(
    `SELECT o."code", o."title", c."socCode"
       FROM "OnetOccupation" o
       LEFT JOIN "SocCrosswalk" c ON c."onetCode" = o."code" AND c."releaseId" = $2
      WHERE o."releaseId" = $1`,
    [currentReleaseId, crosswalkReleaseId],
  );
  const existing = await client.query<{ code: string; slug: string; title: string; socCode: string | null }>(
    `SELECT "code", "slug", "title", "socCode" FROM "Occupation"`,
  );
  const redirects = await client.query<{ slug: string }>(`SELECT "slug" FROM "SlugRedirect"`);
  const byCode = new Map(existing.rows.map((row) => [row.code, row]));
  const taken = new Set([...existing.rows.map((row) => row.slug), ...redirects.rows.map((row) => row.slug)]);

  const needSlug = current.rows.filter((row) => byCode.get(row.code)?.title !== row.title);
  const newSlugs = assignSlugs(needSlug, taken);
  const changed = current.rows.filter((row) => {
    const before = byCode.get(row.code);
    return !before || before.title !== row.title || before.socCode !== row.socCode;
  });
  const renamed = needSlug.filter((row) => byCode.has(row.code));

  if (renamed.length > 0) {
    await client.query(
      `INSERT INTO "SlugRedirect" ("slug", "occupationCode") SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT ("slug") DO NOTHING`,
      [renamed.map((row) => byCode.get(row.code)!.slug), renamed.map((row) => row.code)],
    );
  }
  if (changed.length > 0) {
    await client.query(
      `INSERT INTO "Occupation" ("code", "slug", "title", "socCode", "majorGroup", "updatedAt")
       SELECT code, slug, title, soc, left(code, 2), now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, slug, title, soc)
       ON CONFLICT ("code") DO UPDATE SET "slug" = EXCLUDED."slug", "title" = EXCLUDED."title", "socCode" = EXCLUDED."socCode", "updatedAt" = now()`,
      [
        changed.map((row) => row.code),
        changed.map((row) => newSlugs.get(row.code) ?? byCode.get(row.code)!.slug),
        changed.map((row) => row.title),
        changed.map((row) => row.socCode),
      ],
    );
  }
  const inserted = changed.filter((row) => !byCode.has(row.code)).length;
  context.report.recordTable("onet", "Occupation", {
    read: current.rows.length,
    inserted,
    updated: changed.length - inserted,
    unchanged: current.rows.length - changed.length,
    deleted: 0,
    changedOccupations: changed.map((row) => row.code),
  });
}
