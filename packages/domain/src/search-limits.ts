/** The longest search query (characters). Apart from search.api.ts's zod schemas so that the header's search box, on every page, does not pull zod into the first bundle. */
export const SEARCH_QUERY_MAX = 100;
