/** The pages whose served markup the Nu HTML Checker must find no error in (the reader issue's list). */
export const HTML_CHECKED_PAGES = [
  "/",
  "/roles/test-widget-engineers",
  "/search?q=widget",
  "/roles?sort=pay",
  "/compare?roles=test-widget-engineers,test-gadget-technicians",
  "/roles/test-widget-engineers/history",
  "/sign-in",
] as const;
