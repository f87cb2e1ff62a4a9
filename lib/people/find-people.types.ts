import { z } from "zod";

export const PEOPLE_PAGE_SIZE = 25;

/** /moderation/people's query: a name or address to look for, and the page. */
export const ZFindPeopleQuerySchema = z.object({
  q: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
  page: z.coerce.number({ message: "The page is a number." }).int("The page is a whole number.").min(1, "Pages start at 1.").max(10_000).default(1),
});
export type TFindPeopleQuery = z.infer<typeof ZFindPeopleQuerySchema>;
