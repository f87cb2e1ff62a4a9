/** Common reasons to decline, offered as one-click choices; "other" needs a written message. */
export const DECLINE_REASONS = {
  "no-source": "The change needs a source we can check.",
  "not-accurate": "This does not match how the occupation is generally practised.",
  "too-specific": "This describes one employer or region rather than the occupation as a whole.",
  duplicate: "This repeats something already on the page or in another submission.",
  "off-topic": "This is not about the occupation.",
  promotional: "This promotes a product, service or person.",
  "personal-data": "This contains personal information about someone.",
  other: "Other (explained in the message).",
} as const;

export type TDeclineReason = keyof typeof DECLINE_REASONS;
export const DECLINE_REASON_KEYS = Object.keys(DECLINE_REASONS) as [TDeclineReason, ...TDeclineReason[]];
