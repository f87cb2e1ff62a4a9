import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { ZGetRoleApiParamsSchema, ZRoleApiResponseSchema } from "@/app/api/roles/[code]/route.types";
import { ZSuggestQuerySchema, ZSuggestResponseSchema } from "@/app/api/search/suggest/suggest.types";
import { EARNINGS_SECTORS, MAX_EARNINGS_ROLES, PAY_PATHS } from "@/lib/earnings/compute-earnings.types";
import { ZEarningsResponseSchema } from "@/lib/earnings/earnings-response";
import { ZDatabaseHealthSchema } from "@/lib/health/check-database.types";
import { ZErrorResponseSchema } from "@/lib/http/error-response.types";
import { ZRoleSlugSchema } from "@/lib/http/request-params";
import { API_VERSION, API_VERSION_HEADER } from "./api-version";

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const text = (type: string, example: string) => ({ [type]: { schema: z.string().meta({ example }) } });

const versionShape = { [API_VERSION_HEADER]: z.string().meta({ description: "The API version that answered.", example: API_VERSION }) };
const versionHeader = z.object(versionShape);
const cacheHeaders = z.object({ ...versionShape, "Cache-Control": z.string().meta({ description: "How long any cache may keep the answer." }) });
const retryHeaders = z.object({ ...versionShape, "Retry-After": z.string().meta({ description: "Seconds to wait before asking again." }) });

const jsonErrors = {
  "400": { description: "The address is malformed (a character no address uses).", headers: versionHeader, content: json(ZErrorResponseSchema) },
  "503": { description: "The database is away: try again after Retry-After seconds.", headers: retryHeaders, content: json(ZErrorResponseSchema) },
} satisfies ZodOpenApiResponsesObject;

/** A plain-text endpoint's errors carry the same message as the JSON `Error`, as text. */
const textErrors = {
  "503": { description: "The database is away: try again after Retry-After seconds.", headers: retryHeaders, content: text("text/plain", "The database is not answering; please try again in a moment.\n") },
} satisfies ZodOpenApiResponsesObject;

const getOnly = (operation: ZodOpenApiOperationObject) => ({ get: operation });

/** /api/earnings' query as sent (ZEarningsQuerySchema parses it; its answer echoes the parsed `query`). */
const ZEarningsQueryParamsSchema = z.object({
  roles: z.string().meta({ description: `One to ${MAX_EARNINGS_ROLES} role slugs, comma-separated (or the parameter repeated).`, example: "software-developers,registered-nurses" }),
  sector: z.enum(EARNINGS_SECTORS).optional().meta({ description: "College sector for tuition (default public)." }),
  path: z.enum(PAY_PATHS).optional().meta({ description: "Pay at the median throughout, or from the 25th to the 75th percentile (default median)." }),
  years: z.string().optional().meta({ description: "Years from the 25th to the 75th percentile, 1–40 (default 10).", example: "10" }),
  inflation: z.string().optional().meta({ description: "Yearly inflation, percent 0–15 (default 0).", example: "2" }),
  discount: z.string().optional().meta({ description: "Yearly discount rate, percent 0–15 (default 0).", example: "3" }),
  state: z.string().optional().meta({ description: "A state's postal code: use its OEWS pay instead of the national figures (404 when BLS publishes none for it).", example: "CA" }),
});

function buildDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Careerwiki API",
      version: API_VERSION,
      description: `Public, read-only and anonymous: every role's official figures and approved practitioner corrections. Every answer carries the header ${API_VERSION_HEADER}: ${API_VERSION}. Every JSON error is an Error: { "error": { "code", "message" } }, with the HTTP status its code stands for.`,
      license: { name: "Data: O*NET (CC BY 4.0), BLS and NCES (public domain)" },
    },
    paths: {
      "/api/roles/{code}": getOnly({
        summary: "One role as data",
        description: "The role page's data: official figures, the values as readers see them (approved corrections applied), what is missing, and the releases each part comes from. Cached for an hour.",
        requestParams: { path: ZGetRoleApiParamsSchema },
        responses: {
          "200": { description: "The role.", headers: cacheHeaders, content: json(ZRoleApiResponseSchema) },
          "404": { description: "No occupation has the code (or it is no O*NET-SOC code).", headers: versionHeader, content: json(ZErrorResponseSchema) },
          ...jsonErrors,
        },
      }),
      "/roles/{slug}.md": getOnly({
        summary: "One role as Markdown",
        description: "The role page as a Markdown document, with its sources. Cached for an hour.",
        requestParams: { path: z.object({ slug: ZRoleSlugSchema.meta({ description: "The role's address, as in /roles/<slug>.", example: "software-developers" }) }) },
        responses: {
          "200": { description: "The role in Markdown.", headers: cacheHeaders, content: text("text/markdown", "# Software Developers\n…") },
          "404": { description: "No role has the slug.", headers: versionHeader, content: text("text/plain", "No such role.\n") },
          ...textErrors,
        },
      }),
      "/api/search/suggest": getOnly({
        summary: "Roles matching a few words",
        description: "Up to 8 roles whose title, alternate or reported title, or task matches: the search box's suggestions.",
        requestParams: { query: ZSuggestQuerySchema },
        responses: {
          "200": { description: "The suggestions, best first.", headers: cacheHeaders, content: json(ZSuggestResponseSchema) },
          "422": { description: "The query is empty, repeated or too long.", headers: versionHeader, content: json(ZErrorResponseSchema) },
          ...jsonErrors,
        },
      }),
      "/api/earnings": getOnly({
        summary: "Earnings over a career",
        description: "Cumulative pay minus education cost by age for up to three careers, from BLS pay percentiles and NCES tuition: an illustration, not pay measured by age.",
        requestParams: { query: ZEarningsQueryParamsSchema },
        responses: {
          "200": { description: "The computation and its assumptions, whole dollars.", headers: cacheHeaders, content: json(ZEarningsResponseSchema) },
          "404": { description: "No career has any of the slugs.", headers: versionHeader, content: json(ZErrorResponseSchema) },
          "422": { description: "A parameter cannot be used (the message says which and why).", headers: versionHeader, content: json(ZErrorResponseSchema) },
          ...jsonErrors,
        },
      }),
      "/api/health": getOnly({
        summary: "Whether the database answers",
        description: "For load balancers: never cached, no detail beyond the round trip.",
        responses: {
          "200": { description: "The database answered.", headers: versionHeader, content: json(ZDatabaseHealthSchema) },
          "503": { description: "The database did not answer within 2 s.", headers: retryHeaders, content: json(ZDatabaseHealthSchema) },
        },
      }),
      "/changes.atom": getOnly({
        summary: "Recent changes feed",
        description: "The 50 newest approved changes as an Atom 1.0 feed.",
        responses: { "200": { description: "The feed.", headers: versionHeader, content: text("application/atom+xml", '<feed xmlns="http://www.w3.org/2005/Atom">…</feed>') }, ...textErrors },
      }),
      "/roles/{slug}/changes.atom": getOnly({
        summary: "One role's changes feed",
        description: "Every change of one role page (approvals, rollbacks, reports, new official releases), newest first, as an Atom 1.0 feed. Cached for an hour and refreshed when the page changes.",
        requestParams: { path: z.object({ slug: ZRoleSlugSchema.meta({ description: "The role's address, as in /roles/<slug>.", example: "software-developers" }) }) },
        responses: {
          "200": { description: "The feed.", headers: cacheHeaders, content: text("application/atom+xml", '<feed xmlns="http://www.w3.org/2005/Atom">…</feed>') },
          "404": { description: "No role has the slug.", headers: versionHeader, content: text("text/plain", "No such role.\n") },
          ...textErrors,
        },
      }),
      "/api/openapi.json": getOnly({
        summary: "This document",
        responses: { "200": { description: "The OpenAPI 3.1 document.", headers: cacheHeaders, content: { "application/json": { schema: z.looseObject({ openapi: z.literal("3.1.0") }) } } } },
      }),
    },
  });
}

let document: ReturnType<typeof buildDocument> | undefined;

/** The public API as an OpenAPI 3.1 document, built from the routes' zod schemas once per process. */
export function openApiDocument() {
  document ??= buildDocument();
  return document;
}
