/**
 * The `state` field of a GET form (browse, compare, /interests, /earnings): whose OEWS pay
 * the page uses, the nation's or one state's. In the address, so every choice is its own
 * cacheable page and works without JavaScript.
 */
export function StateSelect({ id, states, value }: { id: string; states: readonly { state: string; name: string }[]; value: string | undefined }) {
  return (
    <div>
      <label htmlFor={id}>Pay in</label>
      <select id={id} name="state" defaultValue={value ?? ""}>
        <option value="">the whole country</option>
        {states.map((choice) => (
          <option key={choice.state} value={choice.state}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}
