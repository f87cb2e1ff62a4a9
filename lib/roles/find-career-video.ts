import "server-only";
import { careerOneStopVideoPage } from "@/lib/datasets/videos/video-page-url";
import { prisma } from "@/lib/db/prisma";
import type { RoleVideo, SectionSource } from "./role-page.types";

/**
 * The CareerOneStop video for an occupation: its own O*NET key first, else its SOC key.
 * When the video shows another occupation (CareerOneStop's fallback), says which.
 */
export async function findCareerVideo(releaseId: number, source: SectionSource, occupation: { code: string; socCode: string | null }): Promise<RoleVideo | null> {
  const codes = [occupation.code, ...(occupation.socCode ? [occupation.socCode] : [])];
  const rows = await prisma.careerVideo.findMany({ where: { releaseId, code: { in: codes } }, select: { code: true, videoCode: true } });
  const video = rows.find((row) => row.code === occupation.code) ?? rows[0];
  if (!video) return null;
  let relatedOccupation: RoleVideo["relatedOccupation"] = null;
  if (video.videoCode !== occupation.code) {
    const shown = await prisma.occupation.findUnique({ where: { code: video.videoCode }, select: { code: true, title: true, slug: true } });
    relatedOccupation = shown ?? { code: video.videoCode, title: video.videoCode, slug: null };
  }
  return { source, pageUrl: careerOneStopVideoPage(video.videoCode), videoCode: video.videoCode, relatedOccupation };
}
