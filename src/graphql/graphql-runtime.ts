import { AsyncLocalStorage } from "node:async_hooks";
import { graphqlSync, type ExecutionResult, type GraphQLSchema } from "graphql";
import { KilnError, catalog } from "../errors/index.js";
import { buildSchema } from "./build-schema.js";
import type { GraphqlModel } from "./model.js";

/** The GraphQL schema of one build, worker or dev session, made on its first query. */
export interface GraphqlRuntime {
  readonly model: GraphqlModel;
  schema(): GraphQLSchema;
  /** Runs a query against the store the caller runs in (`runInSite`). Synchronous, like a render. */
  execute(
    source: string,
    variables?: Record<string, unknown>,
    operationName?: string,
  ): ExecutionResult;
}

export function createGraphqlRuntime(model: GraphqlModel): GraphqlRuntime {
  let schema: GraphQLSchema | undefined;
  const runtime: GraphqlRuntime = {
    model,
    schema: () => (schema ??= buildSchema(model)),
    execute: (source, variables, operationName) =>
      graphqlSync({ schema: runtime.schema(), source, variableValues: variables, operationName }),
  };
  return runtime;
}

const current = new AsyncLocalStorage<GraphqlRuntime>();

export function runWithGraphql<T>(runtime: GraphqlRuntime | undefined, work: () => T): T {
  return runtime ? current.run(runtime, work) : work();
}

/**
 * Runs a GraphQL query over the site's collections while Kiln builds a page and gives its
 * `data`; a query with errors fails the page with each error and where in the query it is.
 * `T` is the shape of `data`: see the generated `.kiln/graphql.d.ts`.
 */
export function query<T = Record<string, unknown>>(
  source: string,
  variables?: Record<string, unknown>,
): T {
  const runtime = current.getStore();
  if (!runtime) throw new Error("query() works only while Kiln builds pages.");
  const result = runtime.execute(source, variables);
  if (result.errors?.length) {
    throw new KilnError(
      catalog.GraphqlQueryFailed({
        problems: result.errors.map((error) => {
          const at = error.locations?.[0];
          const where = at ? ` (query line ${at.line}, column ${at.column})` : "";
          const path = error.path ? ` at ${error.path.join(".")}` : "";
          return `${error.message}${path}${where}`;
        }),
      }),
    );
  }
  return result.data as T;
}
