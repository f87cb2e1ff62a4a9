/** Dispatched on window when the signed-in state or display name changed without a page load. */
export const SESSION_CHANGED_EVENT = "careerwiki:session-changed";
