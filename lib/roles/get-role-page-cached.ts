import "server-only";
import { cache } from "react";
import { getRolePage } from "./get-role-page";

/** One load per request: generateMetadata and the page share it. */
export const getRolePageForRequest = cache(getRolePage);
