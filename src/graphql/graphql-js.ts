import { createRequire } from "node:module";
import type * as GraphqlJs from "graphql";

/**
 * graphql-js, loaded on first use: a build that never queries GraphQL does not pay for
 * importing it (hundreds of files), on the main thread or in any render worker. Synchronous,
 * since `query()` runs inside a synchronous render. Every part of Kiln takes it from here, so
 * one copy of its classes is in use (two copies refuse each other's schemas).
 */
export function graphqlJs(): typeof GraphqlJs {
  return createRequire(import.meta.url)("graphql") as typeof GraphqlJs;
}
