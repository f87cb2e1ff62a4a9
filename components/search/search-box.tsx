"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { TSuggestion, TSuggestResponse } from "@/app/api/search/suggest/suggest.types";
import { leftOnetNote } from "@/lib/roles/left-onet-note";

interface SearchBoxProps {
  /** Visible label text (the header hides it visually; the home page shows it). */
  label: string;
  /** "header" or "hero" (home): only the look differs. */
  variant?: "header" | "hero";
  /**
   * On a page that gathers careers (/compare, /earnings): choosing a suggestion (or sending
   * the form, which the page resolves to the best match of `add`) adds it to `roles` there
   * instead of opening it; `keep` carries the page's other choices (such as `state`).
   */
  addTo?: AddTo;
}

export interface AddTo {
  action: "/compare" | "/earnings";
  roles: readonly string[];
  keep?: Readonly<Record<string, string>>;
}

/** The address of `addTo`'s page with `slug` added to its careers (`roles=a,b` first, commas as they are: slugs need no escaping). */
function addedHref({ action, roles, keep }: AddTo, slug: string): string {
  const rest = new URLSearchParams(keep).toString();
  return `${action}?roles=${[...roles, slug].join(",")}${rest ? `&${rest}` : ""}`;
}

const MIN_CHARS = 2;
const DEBOUNCE_MS = 120;

/**
 * A plain GET form to /search (works without JavaScript) that, with JavaScript, suggests
 * roles as you type: the ARIA 1.2 combobox pattern (input + listbox, aria-activedescendant).
 * ↓/↑ move through the suggestions, Enter opens the highlighted role (or searches when
 * none is highlighted), Escape closes the list (a second Escape clears the input).
 */
export function SearchBox({ label, variant = "header", addTo }: SearchBoxProps) {
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [query, setQuery] = useState("");
  const [suggestions, setSuggestions] = useState<TSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  // The highlighted suggestion by code, not by position: suggestions for the last keystrokes
  // may arrive after the reader has moved the highlight, and must not move or drop it.
  const [activeCode, setActiveCode] = useState<string | null>(null);
  const active = activeCode === null ? -1 : suggestions.findIndex((suggestion) => suggestion.code === activeCode);
  const request = useRef<AbortController | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (text.length < MIN_CHARS) {
      request.current?.abort();
      setSuggestions([]);
      setActiveCode(null);
      return;
    }
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(`/api/search/suggest?q=${encodeURIComponent(text)}`, { signal: controller.signal });
        if (!response.ok) return;
        const body = (await response.json()) as TSuggestResponse;
        setSuggestions(body.suggestions);
        setOpen(true);
      } catch {
        // aborted by a newer keystroke, or offline: the form still searches on Enter
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const expanded = open && suggestions.length > 0;

  function go(suggestion: TSuggestion) {
    setOpen(false);
    router.push(addTo ? addedHref(addTo, suggestion.slug) : `/roles/${suggestion.slug}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const last = suggestions.length - 1;
      const next = event.key === "ArrowDown" ? (active >= last ? 0 : active + 1) : active <= 0 ? last : active - 1;
      setActiveCode(suggestions[next]!.code);
    } else if (event.key === "Enter" && expanded && active >= 0 && active < suggestions.length) {
      event.preventDefault();
      go(suggestions[active]!);
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActiveCode(null);
      } else if (query) {
        setQuery("");
      }
    }
  }

  const optionId = (index: number) => `${id}-option-${index}`;

  return (
    <form role="search" action={addTo ? addTo.action : "/search"} method="get" className={`search-box search-box--${variant}`}>
      {addTo && <input type="hidden" name="roles" value={addTo.roles.join(",")} />}
      {addTo &&
        Object.entries(addTo.keep ?? {}).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <label htmlFor={inputId} className={variant === "header" ? "visually-hidden" : "search-box__label"}>
        {label}
      </label>
      <div className="search-box__field">
        <input
          id={inputId}
          name={addTo ? "add" : "q"}
          // A text input: the ARIA combobox role is not allowed on type="search" (HTML-ARIA); the keyboard still offers "search".
          type="text"
          enterKeyHint="search"
          value={query}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          placeholder="Search careers, e.g. nurse"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <button type="submit">{addTo ? "Add" : "Search"}</button>
        <ul id={listId} role="listbox" aria-label="Suggested careers" className="search-box__list" hidden={!expanded}>
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.code}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="search-box__option"
              // mousedown, not click: it fires before the input's blur closes the list
              onMouseDown={(event) => {
                event.preventDefault();
                go(suggestion);
              }}
              onMouseMove={() => setActiveCode(suggestion.code)}
            >
              <span className="search-box__title">{suggestion.title}</span>
              {suggestion.matchedText && suggestion.matchedKind !== "TASK" && <span className="search-box__match"> · {suggestion.matchedText}</span>}
              {suggestion.leftOnet && <span className="search-box__match"> · {leftOnetNote(suggestion.leftOnet)}</span>}
            </li>
          ))}
        </ul>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {expanded ? `${suggestions.length} suggestion${suggestions.length === 1 ? "" : "s"}; use the up and down arrows to choose.` : ""}
      </p>
    </form>
  );
}
