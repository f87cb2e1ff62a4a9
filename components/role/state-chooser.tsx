"use client";

import Link from "next/link";
import { useEffect, useSyncExternalStore } from "react";

/** The reader's state, kept in this browser only: no cookie, so the cached page stays one page for everyone. */
const STORAGE_KEY = "careerwiki:pay-state";
/** `storage` fires only in other tabs; this tells this tab's choosers. */
const CHANGED_EVENT = "careerwiki:pay-state-changed";

export interface StateChoice {
  state: string;
  name: string;
  /** The median as the table shows it ("$128,750" or "not published"). */
  median: string;
  /** How many metro areas of the metro table (BLS's MSA file) have this as their primary state. */
  metros: number;
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED_EVENT, onChange);
  };
}

function readChoice(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: nothing remembered
  }
}

function saveChoice(state: string) {
  try {
    if (state) window.localStorage.setItem(STORAGE_KEY, state);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: the choice lasts until the page is left
  }
  window.dispatchEvent(new Event(CHANGED_EVENT));
}

/**
 * The state chooser of the Pay section: shows the chosen state's median, marks its row
 * (`[data-pay-state]`, server-rendered) in the state table and narrows the metro table
 * (`[data-metro-state]`) to the state's metro areas; remembered across role pages.
 * `states` come sorted by name from the server: the first `localeCompare` in a browser loads
 * its collation data (about 10 ms of the page's start-up here).
 */
export function StateChooser({ states }: { states: readonly StateChoice[] }) {
  const saved = useSyncExternalStore(subscribe, readChoice, () => null);
  const chosen = states.find((choice) => choice.state === saved) ?? null;
  useEffect(() => {
    for (const row of document.querySelectorAll<HTMLElement>("[data-pay-state]")) {
      if (row.dataset.payState === chosen?.state) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    }
    for (const row of document.querySelectorAll<HTMLElement>("[data-metro-state]")) row.hidden = chosen !== null && row.dataset.metroState !== chosen.state;
  }, [chosen]);
  return (
    <div className="state-chooser">
      <label>
        Your state{" "}
        <select value={chosen?.state ?? ""} onChange={(event) => saveChoice(event.target.value)}>
          <option value="">Choose a state</option>
          {states.map((choice) => (
            <option key={choice.state} value={choice.state}>
              {choice.name}
            </option>
          ))}
        </select>
      </label>
      <p aria-live="polite" data-testid="chosen-state-pay">
        {chosen && (
          <>
            {chosen.name}: median {chosen.median}. <a href={`#pay-${chosen.state}`}>Its row in the table</a>
            {chosen.metros > 0 && (
              <>
                {" "}
                · <a href="#pay-by-metro">{chosen.metros === 1 ? "1 metro area" : `${chosen.metros} metro areas`} in {chosen.name}</a>
              </>
            )}
          </>
        )}
      </p>
    </div>
  );
}

/**
 * The Pay section's "See lifetime earnings" link: with the reader's remembered state (one this
 * role has pay for), it opens /earnings with that state's pay. The server renders the national
 * link (nothing chosen), so the cached page is the same for everyone and hydrates cleanly.
 */
export function LifetimeEarningsLink({ slug, states }: { slug: string; states: readonly Pick<StateChoice, "state" | "name">[] }) {
  const saved = useSyncExternalStore(subscribe, readChoice, () => null);
  const chosen = states.find((choice) => choice.state === saved) ?? null;
  return (
    <Link href={`/earnings?roles=${slug}${chosen ? `&state=${chosen.state}` : ""}`}>See lifetime earnings{chosen && ` with pay in ${chosen.name}`}</Link>
  );
}
