import type { InterestQuestion } from "./find-interest-profiler";
import { RIASEC_AREAS, type RiasecLetter, type RiasecScores } from "./riasec";
import { ZInterestAnswerSchema, type TInterestAnswer } from "./score-interest-answers.types";

/** What each answer adds to its area's score. */
export const ANSWER_POINTS: Record<TInterestAnswer, number> = { like: 2, unsure: 1, dislike: 0 };

export interface AreaScore {
  letter: RiasecLetter;
  score: number;
  /** The highest score the area's activities allow (all liked). */
  max: number;
}

export type InterestAnswers =
  | { status: "empty" }
  | { status: "invalid"; messages: string[] }
  | { status: "incomplete"; answers: Map<string, TInterestAnswer>; unanswered: InterestQuestion[] }
  | { status: "complete"; answers: Map<string, TInterestAnswer>; profile: AreaScore[]; scores: RiasecScores };

const QUESTION_KEY = /^[RIASEC]\d+$/;

/**
 * Reads the reader's ratings from the query (?R1=like&I1=dislike…) and, once every activity
 * is rated, adds them up per RIASEC area (like 2, unsure 1, dislike 0). Nothing is stored.
 */
export function scoreInterestAnswers(questions: readonly InterestQuestion[], query: Record<string, string | string[]>): InterestAnswers {
  const known = new Set(questions.map((question) => question.key));
  const messages: string[] = [];
  const answers = new Map<string, TInterestAnswer>();
  for (const [key, value] of Object.entries(query)) {
    if (!QUESTION_KEY.test(key)) continue;
    if (!known.has(key)) {
      messages.push(`There is no activity ${key} in this profiler.`);
      continue;
    }
    const parsed = ZInterestAnswerSchema.safeParse(value);
    if (parsed.success) answers.set(key, parsed.data);
    else messages.push(`${key}: ${Array.isArray(value) ? "rate each activity once." : "rate each activity like, unsure or dislike."}`);
  }
  if (messages.length > 0) return { status: "invalid", messages };
  if (answers.size === 0) return { status: "empty" };
  const unanswered = questions.filter((question) => !answers.has(question.key));
  if (unanswered.length > 0) return { status: "incomplete", answers, unanswered };
  const profile = RIASEC_AREAS.map(({ letter }): AreaScore => {
    const ofArea = questions.filter((question) => question.letter === letter);
    return { letter, score: ofArea.reduce((sum, question) => sum + ANSWER_POINTS[answers.get(question.key)!], 0), max: ofArea.length * ANSWER_POINTS.like };
  });
  const [r, i, a, s, e, c] = profile.map((area) => area.score);
  return { status: "complete", answers, profile, scores: [r!, i!, a!, s!, e!, c!] };
}
