/** CareerOneStop's page for a video: videocode is the O*NET-SOC code without "-" and "." (15-1252.00 → 15125200). */
export function careerOneStopVideoPage(videoCode: string): string {
  return `https://www.careeronestop.org/Videos/careeronestop-videos.aspx?videocode=${videoCode.replace(/[-.]/g, "")}`;
}
