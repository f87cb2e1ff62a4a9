/** The pages whose served markup the Nu HTML Checker must find no error in (the reader issue's list, and the role's technology page). */
export const HTML_CHECKED_PAGES = [
  "/",
  "/roles/test-widget-engineers",
  "/search?q=widget",
  "/roles?sort=pay",
  "/compare?roles=test-widget-engineers,test-gadget-technicians",
  "/roles/test-widget-engineers/history",
  "/roles/test-widget-engineers/technology",
  "/sign-in",
] as const;
