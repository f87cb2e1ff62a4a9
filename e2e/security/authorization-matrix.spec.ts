import { expect, test } from "@playwright/test";
import { seedUser, type SeededUser } from "../../tests/support/seed-users";
import { ACTORS, AUTHORIZATION_MATRIX, REQUIRED_ACTORS, callEntryPoint, cookieHeader, seedActors, type ActorKind, type CheckContext } from "./authorization-matrix";
import { entryPointKey, listBuiltActions, listBuiltRouteFiles, listSourceEntryPoints } from "./list-entry-points";
import { SECURITY_OCCUPATION, closeDatabase, insertCorrection, insertNarrative } from "./security-data";

// Every server action and route handler, called over HTTP against the production build as
// each actor (see authorization-matrix.ts for the table and the actors).

const databaseUrl = process.env.E2E_DATABASE_URL!;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";

test.afterAll(closeDatabase);

test("every action and route handler has a row, and the build has no other", () => {
  const source = listSourceEntryPoints();
  const table = AUTHORIZATION_MATRIX.map((row) => ({ kind: row.kind, file: row.file, name: row.name }));
  // The table, the source files and the build agree on the list.
  expect(table.map(entryPointKey).sort(), "rows of authorization-matrix.ts vs exports of app/**/actions.ts and route.ts").toEqual(source.map(entryPointKey));
  expect(new Set(table.map(entryPointKey)).size).toBe(table.length);
  const sourceActions = source.filter((entry) => entry.kind === "action");
  expect(listBuiltActions(distDir).map(entryPointKey), "server actions in the build's server-reference manifest").toEqual(sourceActions.map(entryPointKey));
  const routeFiles = [...new Set(source.filter((entry) => entry.kind === "handler").map((entry) => entry.file))].sort();
  expect(listBuiltRouteFiles(distDir), "route handlers in the build's app-paths manifest").toEqual(routeFiles);

  for (const row of AUTHORIZATION_MATRIX) {
    for (const actor of REQUIRED_ACTORS) expect(row.outcomes[actor], `${row.name} in ${row.file}: ${actor}`).toBeDefined();
    if (row.kind === "action") {
      for (const [actor, outcome] of Object.entries(row.outcomes)) if (outcome === "deny") expect(row.refusal?.[actor as ActorKind], `${row.name}: refusal for ${actor}`).toBeTruthy();
    }
  }
  const checks = AUTHORIZATION_MATRIX.reduce((sum, row) => sum + Object.keys(row.outcomes).length, 0);
  const actions = sourceActions.length;
  const ownDecisions = AUTHORIZATION_MATRIX.filter((row) => row.outcomes.ownModerator).length;
  const line = `authorization matrix: ${AUTHORIZATION_MATRIX.length} actions/handlers (${actions} actions, ${AUTHORIZATION_MATRIX.length - actions} handler methods) × ${REQUIRED_ACTORS.length} actors + ${ownDecisions} moderators on their own submission = ${checks} checks`;
  console.log(line);
  test.info().annotations.push({ type: "authorization-matrix", description: line });
});

for (const row of AUTHORIZATION_MATRIX) {
  test(`${row.kind === "action" ? "action" : "handler"} ${row.name} (${row.file}): ${row.who}`, async ({ baseURL }) => {
    test.slow(); // up to seven calls with their users and data
    for (const actor of ACTORS) {
      const outcome = row.outcomes[actor];
      if (!outcome) continue;
      await test.step(`${actor}: ${outcome}`, async () => {
        const context: CheckContext = { baseUrl: baseURL!, actor, ...(await seedActors(row, actor, baseURL!)) };
        const prepared = await row.prepare(context);
        const before = await prepared.state();
        const result = await callEntryPoint(row, context, prepared);
        if (outcome === "allow") {
          if (row.kind === "handler" && row.allowedStatus) expect(result.status, result.body.slice(0, 500)).toBe(row.allowedStatus);
          else expect(result.status, result.body.slice(0, 500)).toBeLessThan(400);
          if (row.kind === "action") expect((result.value as { ok?: boolean } | null)?.ok, JSON.stringify(result.value)).not.toBe(false);
          await prepared.expectEffect(result);
          // Nobody else learns the owner's address or session.
          if (context.caller !== context.owner) {
            expect(result.body).not.toContain(context.owner.email);
            expect(result.body).not.toContain(context.owner.sessionToken);
          }
        } else {
          if (row.kind === "action") {
            expect(result.status).toBe(200);
            const refusal = result.value as { ok?: boolean; status?: string; message?: string } | null;
            expect([false, "error"]).toContain(refusal?.ok ?? refusal?.status);
            expect(refusal?.message).toBe(row.refusal![actor]);
          } else {
            expect([401, 403]).toContain(result.status);
          }
          expect(await prepared.state(), "a refused call changes nothing").toEqual(before);
        }
      });
    }
  });
}

test("pages: another contributor can neither open someone's submission to edit it nor read their draft", async ({ baseURL, request }) => {
  const owner = await seedUser({ databaseUrl, role: "CONTRIBUTOR", baseUrl: baseURL });
  const other = await seedUser({ databaseUrl, role: "CONTRIBUTOR", baseUrl: baseURL });
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", baseUrl: baseURL });
  const sentBack = await insertCorrection(owner.id, "CHANGES_REQUESTED");
  await insertNarrative(owner.id, "DRAFT");
  const get = (path: string, user: SeededUser) => request.get(path, { headers: { Cookie: cookieHeader(user)! }, maxRedirects: 0 });

  expect((await get(`/me/contributions/${sentBack}/edit`, owner)).status()).toBe(200);
  for (const user of [other, moderator]) expect((await get(`/me/contributions/${sentBack}/edit`, user)).status()).toBe(404);

  const editor = `/contribute/${SECURITY_OCCUPATION.slug}/narrative`;
  const ownDraft = await (await get(editor, owner)).text();
  expect(ownDraft).toContain("Seeded narrative");
  for (const user of [other, moderator]) {
    const page = await get(editor, user);
    expect(page.status()).toBe(200);
    expect(await page.text()).not.toContain("Seeded narrative");
  }
});
