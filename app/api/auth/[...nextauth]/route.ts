// Auth.js' own endpoints: sign-in/out, the magic-link callback, OAuth callbacks, session, csrf.
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
