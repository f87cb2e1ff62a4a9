import { API_VERSION_HEADER } from "./api-version";
import { openApiDocument } from "./openapi-document";

type JsonObject = Record<string, unknown>;

const EXAMPLE_PATH_VALUES: Record<string, string> = { code: "15-1252.00", slug: "software-developers" };

const schemaName = (schema: unknown) => {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref ? ref.replace("#/components/schemas/", "") : null;
};

/** The OpenAPI document laid out for people (the /api page): one entry per endpoint, then every named shape. */
export function describeApi() {
  const document = openApiDocument();
  const operations = Object.entries(document.paths ?? {}).map(([path, item]) => {
    const get = (item as { get: JsonObject }).get;
    const parameters = ((get.parameters ?? []) as JsonObject[]).map((parameter) => {
      const schema = (parameter.schema ?? {}) as JsonObject;
      return {
        name: String(parameter.name),
        in: String(parameter.in),
        required: parameter.required === true,
        description: String(parameter.description ?? schema.description ?? ""),
        example: (parameter.example ?? schema.example) === undefined ? null : String(parameter.example ?? schema.example),
      };
    });
    const query = parameters.filter((parameter) => parameter.in === "query" && parameter.example).map((parameter) => `${parameter.name}=${parameter.example}`);
    const example = path.replace(/\{(\w+)\}/g, (_, name: string) => EXAMPLE_PATH_VALUES[name] ?? name) + (query.length > 0 ? `?${query.join("&")}` : "");
    const responses = Object.entries(get.responses as Record<string, JsonObject>).map(([status, response]) => {
      const [type, media] = Object.entries((response.content ?? {}) as Record<string, { schema?: unknown }>)[0] ?? [];
      const name = schemaName(media?.schema);
      return { status, description: String(response.description), body: type ? `${type}${name ? `: ${name}` : ""}` : "none" };
    });
    return { path, anchor: path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, ""), summary: String(get.summary), description: String(get.description ?? ""), parameters, example: `https://<site>${example}`, responses };
  });
  const schemas = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => ({ name, json: JSON.stringify(schema, null, 2) }));
  return { version: document.info.version, versionHeader: API_VERSION_HEADER, description: document.info.description ?? "", operations, schemas };
}
