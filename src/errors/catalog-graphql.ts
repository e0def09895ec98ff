import { define } from "./define-error.js";

/** Errors of `query()` and the dev server's GraphQL endpoint. Part of `catalog` (catalog.ts). */
export const graphqlErrors = {
  GraphqlQueryFailed: define<{ problems: readonly string[] }>({
    code: "KILN_GRAPHQL_QUERY",
    title: "A GraphQL query failed",
    cause:
      "A page's query() asked for a field or collection the schema does not have, passed a wrong argument, or a field could not be read. The schema comes from the collections' zod schemas, never from the entries.",
    message: ({ problems }) =>
      `The GraphQL query failed:\n` + problems.map((problem) => `  ${problem}`).join("\n"),
    hint: () =>
      "Explore the schema at /_kiln/graphql in `kiln dev`; a field exists when the collection's schema declares it.",
  }),
} as const;
