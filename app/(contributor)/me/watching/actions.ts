"use server";
import { defineAction } from "@/lib/actions/define-action";
import { unwatchPage } from "@/lib/watches/unwatch-page";
import { watchPage } from "@/lib/watches/watch-page";
import { ZWatchPageInputSchema } from "@/lib/watches/watch-page.types";

// Neither revalidates a path: /me/watching renders per request (signed in), and a revalidation
// would make the role page the button sits on render again for nothing.

/** Watch a page: from the role page's button (a client call) or a form. */
export const watchPageAction = defineAction({
  ability: "page:watch",
  schema: ZWatchPageInputSchema,
  run: async ({ actor, input }) => {
    const watched = await watchPage({ actor, input });
    return { ok: true, message: `You are watching ${watched.title}: its changes will appear in your notifications.` };
  },
});

/** Stop watching a page: from the role page's button or the list of watched pages. */
export const unwatchPageAction = defineAction({
  ability: "page:watch",
  schema: ZWatchPageInputSchema,
  run: async ({ actor, input }) => {
    await unwatchPage({ actor, input });
    return { ok: true, message: "You no longer watch this page." };
  },
});
