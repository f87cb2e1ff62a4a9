/**
 * For a page that shows a refusal in place of its content (a filter it cannot use, a page past
 * the end, a career that does not exist): it answers 200 with the message and a way back, so
 * search engines are told to leave it out. React places the tag in the document's head.
 */
export function NotIndexed() {
  return <meta name="robots" content="noindex" />;
}
