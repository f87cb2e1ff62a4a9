import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/get-actor";
import type { Ability } from "@/lib/auth/permissions";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { type ActionState, toActionFailure } from "./action-state";

/** A form sends (previous state, FormData), a one-argument form only FormData, a client call its input. */
type ServerAction<TState> = (stateOrInput?: unknown, formData?: FormData) => Promise<TState>;

interface ActionContext<TAbility extends Ability | null, TInput> {
  /** Who asked, allowed `ability`; null for a public action (no ability). */
  actor: TAbility extends Ability ? Actor : null;
  input: TInput;
  /** The form's previous state (useActionState), if any. */
  state: unknown;
}

interface ActionDefinition<TAbility extends Ability | null, TSchema extends z.ZodType, TState> {
  /** The ability the actor needs (lib/auth/permissions.ts); null for a public action. */
  ability: TAbility;
  /** The input as the action receives it; a form's fields arrive as a plain object of strings. */
  schema: TSchema;
  run: (context: ActionContext<TAbility, z.output<TSchema>>) => Promise<TState>;
  /** The form's own state for a failure, when the form's state is not ActionState. */
  failed?: (failure: ActionState, context: { state: unknown; raw: unknown }) => TState;
}

/**
 * Every server action: finds the actor (session and ability checked here, since an action is
 * a public POST endpoint), parses the input with the schema, runs the use case, and turns any
 * error into form state in one place (toActionFailure). Next's redirect and notFound pass through.
 */
export function defineAction<TAbility extends Ability | null, TSchema extends z.ZodType>(
  definition: ActionDefinition<TAbility, TSchema, ActionState> & { failed?: undefined },
): ServerAction<ActionState>;
export function defineAction<TAbility extends Ability | null, TSchema extends z.ZodType, TState>(
  definition: ActionDefinition<TAbility, TSchema, TState> & { failed: ActionDefinition<TAbility, TSchema, TState>["failed"] & {} },
): ServerAction<TState>;
export function defineAction<TAbility extends Ability | null, TSchema extends z.ZodType>({
  ability,
  schema,
  run,
  failed = (failure) => failure,
}: ActionDefinition<TAbility, TSchema, unknown>): ServerAction<unknown> {
  return async (stateOrInput, formData) => {
    const { state, raw } = readArguments(stateOrInput, formData);
    try {
      const actor = (ability === null ? null : await requireActor(ability)) as ActionContext<TAbility, unknown>["actor"];
      const input = parseOrThrow(schema, raw);
      return await run({ actor, input, state });
    } catch (error) {
      unstable_rethrow(error);
      return failed(toActionFailure(error), { state, raw });
    }
  };
}

function readArguments(stateOrInput: unknown, formData: FormData | undefined): { state: unknown; raw: unknown } {
  if (formData instanceof FormData) return { state: stateOrInput, raw: formFields(formData) };
  if (stateOrInput instanceof FormData) return { state: undefined, raw: formFields(stateOrInput) };
  return { state: undefined, raw: stateOrInput };
}

/** A form's text fields as a plain object (files are never expected, so they are left out). */
function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of formData) if (typeof value === "string") fields[name] = value;
  return fields;
}
