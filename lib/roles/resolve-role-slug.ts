import "server-only";
import { prisma } from "@/lib/db/prisma";
import { ONET_SOC_CODE } from "@/lib/validation/onet-soc-code";

/**
 * Where a /roles/<key> URL should land: the current slug for an O*NET-SOC code or an old
 * slug (both redirect), or null when nothing matches.
 */
export async function resolveRoleSlug(key: string): Promise<string | null> {
  if (ONET_SOC_CODE.test(key)) {
    const occupation = await prisma.occupation.findUnique({ where: { code: key }, select: { slug: true } });
    return occupation?.slug ?? null;
  }
  const redirect = await prisma.slugRedirect.findUnique({ where: { slug: key }, select: { occupation: { select: { slug: true } } } });
  return redirect?.occupation.slug ?? null;
}
