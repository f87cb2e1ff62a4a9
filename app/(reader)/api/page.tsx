import type { Metadata } from "next";
import Link from "next/link";
import { CellLabel } from "@/components/ui/stack-table";
import { describeApi } from "@/lib/api/describe-api";

export const metadata: Metadata = { title: "API", description: "Careerwiki's public, read-only API: endpoints, parameters, answers and errors." };

// Static: the document is fixed at build time, like the route that serves it.
export default function ApiPage() {
  const api = describeApi();
  return (
    <>
      <h1>API</h1>
      <p>{api.description}</p>
      <p>
        Version {api.version}, sent as the <code>{api.versionHeader}</code> header on every answer. The machine-readable description:{" "}
        <Link href="/api/openapi.json">/api/openapi.json</Link> (OpenAPI 3.1). Every endpoint answers GET and HEAD, needs no key, and may be cached as its{" "}
        <code>Cache-Control</code> says.
      </p>
      {api.operations.map((operation) => (
        <section key={operation.path} aria-labelledby={operation.anchor}>
          <h2 id={operation.anchor}>
            <code>{`GET ${operation.path}`}</code>
          </h2>
          <p>
            <strong>{`${operation.summary}.`}</strong> {operation.description}
          </p>
          {operation.parameters.length > 0 && (
            <table className="role-table stack-table api-table">
              <caption>Parameters</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">In</th>
                  <th scope="col">Required</th>
                  <th scope="col">Meaning</th>
                  <th scope="col">Example</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr key={parameter.name}>
                    <th scope="row">
                      <code>{parameter.name}</code>
                    </th>
                    <td>
                      <CellLabel>In</CellLabel>
                      {parameter.in}
                    </td>
                    <td>
                      <CellLabel>Required</CellLabel>
                      {parameter.required ? "yes" : "no"}
                    </td>
                    <td>
                      <CellLabel>Meaning</CellLabel>
                      {parameter.description}
                    </td>
                    <td>
                      <CellLabel>Example</CellLabel>
                      {parameter.example && <code>{parameter.example}</code>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            Example: <code className="api-example">{`curl ${operation.example}`}</code>
          </p>
          <table className="role-table stack-table api-table">
            <caption>Answers</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Meaning</th>
                <th scope="col">Body</th>
              </tr>
            </thead>
            <tbody>
              {operation.responses.map((response) => (
                <tr key={response.status}>
                  <th scope="row">{response.status}</th>
                  <td>
                    <CellLabel>Meaning</CellLabel>
                    {response.description}
                  </td>
                  <td>
                    <CellLabel>Body</CellLabel>
                    {response.body}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <section aria-labelledby="schemas">
        <h2 id="schemas">Response shapes</h2>
        {api.schemas.map((schema) => (
          <details key={schema.name} id={`schema-${schema.name}`}>
            <summary>
              <code>{schema.name}</code>
            </summary>
            <pre className="api-schema">{schema.json}</pre>
          </details>
        ))}
      </section>
    </>
  );
}
