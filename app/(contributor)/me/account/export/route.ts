import { NextResponse } from "next/server";
import { z } from "zod";
import { exportMyData } from "@/lib/accounts/export-my-data";
import { myDataToMarkdown } from "@/lib/accounts/my-data-to-markdown";
import { requireActor } from "@/lib/auth/get-actor";
import { toErrorResponse } from "@/lib/http/error-response";
import { parseRequestQuery, singleSearchParam } from "@/lib/http/request-params";

// "Download my data": the signed-in person's own data (never anyone else's: the actor's id
// chooses it), as JSON or as readable Markdown, never cached anywhere.
export const dynamic = "force-dynamic";

const ZExportQuerySchema = z.object({
  format: singleSearchParam("Choose one format: json or markdown.").pipe(z.enum(["json", "markdown"], { message: "Choose the format json or markdown." })).default("json"),
});

export async function GET(request: Request) {
  try {
    const { format } = parseRequestQuery(ZExportQuerySchema, new URL(request.url).searchParams);
    const actor = await requireActor("account:manage-own");
    const data = await exportMyData({ actor });
    const day = data.exportedAt.slice(0, 10);
    const headers = { "Cache-Control": "private, no-store", "Content-Disposition": `attachment; filename="careerwiki-my-data-${day}.${format === "json" ? "json" : "md"}"` };
    if (format === "json") return NextResponse.json(data, { headers });
    return new NextResponse(myDataToMarkdown(data), { headers: { ...headers, "Content-Type": "text/markdown; charset=utf-8" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
