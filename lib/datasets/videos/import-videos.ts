import path from "node:path";
import { z } from "zod";
import { ZText } from "../cells";
import { DatasetFileError } from "../dataset-error";
import type { DatasetImporter } from "../dataset-importer";
import { parseRow, type RowLocation } from "../parse-row";
import { lineAndColumnAt, readUtf8File } from "../read-text-file";
import { describeFiles, registerRelease, type ReleaseMetadata } from "../register-release";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";

export { careerOneStopVideoPage } from "./video-page-url";

const VIDEOS_FILE = "videos/career-videos.json";

/** A key under `videos`: SOC 2018 (`15-1252`) or an O*NET-SOC code written with a dash (`15-1299-05`). */
const KEY = /^(\d{2}-\d{4})(?:-(\d{2}))?$/;

/** CareerOneStop's CDN names each video after the O*NET-SOC code it shows: .../OccupationVideos/15-1212.00.mp4 */
const VIDEO_URL = /^https:\/\/cdn\.careeronestop\.org\/OccVids\/OccupationVideos\/(\d{2}-\d{4}\.\d{2})\.mp4$/;

const ZVideoEntry = z.object({
  videoUrl: z.string().regex(VIDEO_URL, "expected a CareerOneStop video URL like https://cdn.careeronestop.org/OccVids/OccupationVideos/15-1252.00.mp4"),
  posterUrl: z.string().url("expected a URL").nullish(),
  title: ZText,
});

const ZVideoFile = z.object({
  metadata: z.object({ generated_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T/, "expected an ISO timestamp") }),
  videos: z.record(z.string(), z.unknown()),
});

export type CareerVideoRow = {
  releaseId: number;
  code: string;
  codeSystem: string;
  videoCode: string;
  videoUrl: string;
  posterUrl: string | null;
  title: string;
};

function videosRelease(generatedAt: string): ReleaseMetadata {
  const day = generatedAt.slice(0, 10);
  return {
    dataset: "career-videos",
    name: "CareerOneStop career videos (occupation → video compilation)",
    publisher: "CareerOneStop, U.S. Department of Labor, ETA (videos); compiled by American Dream Jobs (jzhao23/american-dream-jobs)",
    version: day,
    referencePeriod: `Video links verified ${day}`,
    releasedOn: day,
    license: "Compilation MIT; the videos are CareerOneStop's and are linked, not re-hosted",
    sourceUrl: "https://www.careeronestop.org/Videos/careeronestop-videos.aspx",
    citation: "Career videos by CareerOneStop, sponsored by the U.S. Department of Labor, Employment and Training Administration. Occupation-to-video list compiled by American Dream Jobs (github.com/jzhao23/american-dream-jobs, data/videos/career-videos.json), MIT licence.",
  };
}

/**
 * `videos/career-videos.json`: which CareerOneStop video belongs to an occupation. Keys
 * are SOC 2018 codes or O*NET-SOC codes written with dashes; each is stored as a code the
 * pages join on, with the O*NET-SOC code the video actually shows (CareerOneStop falls
 * back to a related occupation's video for 274 keys).
 */
export const videosImporter: DatasetImporter = {
  dataset: "career-videos",
  requiredFiles: [VIDEOS_FILE],
  async import(context) {
    const text = await readUtf8File(path.join(context.dir, VIDEOS_FILE), VIDEOS_FILE);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new DatasetFileError(VIDEOS_FILE, jsonErrorLine(text, error as Error), null, `is not valid JSON: ${(error as Error).message}`);
    }
    const file = ZVideoFile.safeParse(json);
    if (!file.success) {
      const issue = file.error.issues[0];
      throw new DatasetFileError(VIDEOS_FILE, null, issue?.path.join(".") ?? null, issue?.message ?? "unexpected layout");
    }
    const { releaseId } = await registerRelease(context.client, videosRelease(file.data.metadata.generated_at), await describeFiles(context.dir, [VIDEOS_FILE]));
    const progress = context.report.progress(VIDEOS_FILE);
    const lines = keyLines(text);
    const rows: SourcedRow<CareerVideoRow>[] = Object.entries(file.data.videos).map(([key, entry]) => {
      const source: RowLocation = { file: VIDEOS_FILE, line: lines.get(key) ?? 1 };
      return { source, row: toVideoRow(releaseId, key, parseRow(ZVideoEntry, entry as Record<string, unknown>, source), source) };
    });
    progress.advance(rows.length);
    progress.finish();
    const counts = await syncReleaseRows({ client: context.client, table: "CareerVideo", releaseId, key: ["releaseId", "code"], rows });
    context.report.recordTable("career-videos", "CareerVideo", counts);
  },
};

function toVideoRow(releaseId: number, key: string, entry: z.output<typeof ZVideoEntry>, source: RowLocation): CareerVideoRow {
  const match = KEY.exec(key);
  if (!match) throw new DatasetFileError(source.file, source.line, key, "expected a key like 15-1252 (SOC) or 15-1299-05 (O*NET-SOC)");
  const videoCode = VIDEO_URL.exec(entry.videoUrl)![1]!;
  return {
    releaseId,
    code: match[2] ? `${match[1]}.${match[2]}` : match[1]!,
    codeSystem: match[2] ? "O*NET-SOC 2019" : "SOC 2018",
    videoCode,
    videoUrl: entry.videoUrl,
    posterUrl: entry.posterUrl ?? null,
    title: entry.title,
  };
}

/**
 * Line of each `"key": {` in the file, so an error can point at it. A key given twice is
 * an error: JSON.parse would silently keep the second entry and drop the first.
 */
function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split("\n").forEach((line, index) => {
    const match = /^\s*"([^"]+)"\s*:\s*\{/.exec(line);
    if (!match) return;
    const earlier = lines.get(match[1]!);
    if (earlier !== undefined) throw new DatasetFileError(VIDEOS_FILE, index + 1, match[1]!, `repeats the key of line ${earlier}`);
    lines.set(match[1]!, index + 1);
  });
  return lines;
}

/** The line JSON.parse stopped at ("... at position 564"; the last line when the text ended early). */
function jsonErrorLine(text: string, error: Error): number {
  const position = /position (\d+)/.exec(error.message);
  return lineAndColumnAt(text, position ? Number(position[1]) : text.length).line;
}
