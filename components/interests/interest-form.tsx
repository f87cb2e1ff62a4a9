import type { InterestQuestion } from "@/lib/interests/find-interest-profiler";
import { INTEREST_ANSWERS, type TInterestAnswer, type TInterestOptions } from "@/lib/interests/score-interest-answers.types";
import { StateSelect } from "../browse/state-select";

const ANSWER_LABELS: Record<TInterestAnswer, string> = { like: "Like", unsure: "Unsure", dislike: "Dislike" };

/** O*NET's names of the five job zones. */
export const JOB_ZONE_NAMES = ["Little or no preparation needed", "Some preparation needed", "Medium preparation needed", "Considerable preparation needed", "Extensive preparation needed"] as const;

/**
 * The profiler: one group of radio buttons per activity and the preparation and pay filters,
 * sent as a GET form, so the answers travel in the address and results need no JavaScript.
 */
export function InterestForm({
  questions,
  answers,
  options,
  states,
}: {
  questions: readonly InterestQuestion[];
  answers: ReadonlyMap<string, TInterestAnswer>;
  options: Pick<TInterestOptions, "zone" | "state" | "minPay">;
  states: readonly { state: string; name: string }[];
}) {
  return (
    <form method="get" action="/interests" className="interest-form" aria-labelledby="profiler-heading">
      <ol className="interest-questions">
        {questions.map((question) => (
          <li key={question.key}>
            <fieldset id={`q-${question.key}`}>
              <legend>{question.activity}</legend>
              {INTEREST_ANSWERS.map((answer) => (
                <span key={answer} className="interest-answer">
                  <input type="radio" id={`${question.key}-${answer}`} name={question.key} value={answer} defaultChecked={answers.get(question.key) === answer} />
                  <label htmlFor={`${question.key}-${answer}`}>{ANSWER_LABELS[answer]}</label>
                </span>
              ))}
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="filters">
        <div>
          <label htmlFor="interest-zone">How much preparation are you ready for? (O*NET job zone)</label>
          <select id="interest-zone" name="zone" defaultValue={options.zone?.toString() ?? ""}>
            <option value="">Any amount</option>
            {JOB_ZONE_NAMES.map((name, index) => (
              <option key={name} value={index + 1}>
                Job zone {index + 1}: {name.toLowerCase()}
              </option>
            ))}
          </select>
        </div>
        {states.length > 0 && <StateSelect id="interest-state" states={states} value={options.state} />}
        <div>
          <label htmlFor="interest-min-pay">Minimum median pay, $ a year</label>
          <input id="interest-min-pay" name="minPay" type="number" min={0} max={1_000_000} step={1} inputMode="numeric" defaultValue={options.minPay ?? ""} />
        </div>
        <button type="submit">Show my interests and careers</button>
      </div>
    </form>
  );
}
