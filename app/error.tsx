"use client";

/**
 * What a page shows when it cannot be rendered, most often because the database is briefly
 * away (a restart): a plain "try again" with a button, never a stack. Production hides the
 * server error's message from the browser; the server log has it under `error.digest`.
 */
export default function ErrorPage({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div role="alert" className="error-page">
      <h1>This page could not be loaded</h1>
      <p>The site could not finish this page just now, most often because its database is briefly unavailable. Please try again in a moment.</p>
      <button type="button" onClick={() => retry()}>
        Try again
      </button>
    </div>
  );
}
