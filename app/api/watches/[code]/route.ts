import { getActor } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";
import { roleAddressExists } from "@/lib/roles/role-address-exists";
import { getWatchState } from "@/lib/watches/get-watch-state";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";

// The caller's own watch state of one page, for the role page's watch button (asked from the
// browser, so the cached page reads no cookie). Never cached.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const code = ZOnetSocCodeSchema.safeParse((await params).code);
    if (!code.success || !(await roleAddressExists(code.data))) throw new AppError("NOT_FOUND", "No such role.");
    const state = await getWatchState({ actor: await getActor(), occupationCode: code.data });
    return Response.json(state, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
