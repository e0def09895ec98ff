import { AsyncLocalStorage } from "node:async_hooks";
import type { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema } from "graphql";
import { graphqlJs } from "./graphql-js.js";
import { KilnError, catalog } from "../errors/index.js";
import { buildSchema } from "./build-schema.js";
import type { GraphqlModel } from "./model.js";

/** The GraphQL schema of one build, worker or dev session, made on its first query. */
export interface GraphqlRuntime {
  readonly model: GraphqlModel;
  schema(): GraphQLSchema;
  /** The schema in GraphQL's own notation, for the explorer. */
  sdl(): string;
  /** Runs a query against the store the caller runs in (`runInSite`). Synchronous, like a render. */
  execute(
    source: string,
    variables?: Record<string, unknown>,
    operationName?: string,
  ): ExecutionResult;
}

/** Pages share a few query texts: each is parsed and validated once, up to this many. */
const DOCUMENT_LIMIT = 500;

export function createGraphqlRuntime(model: GraphqlModel): GraphqlRuntime {
  let schema: GraphQLSchema | undefined;
  // A thousand author pages run one query text: parse and validate it once, not per page.
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const prepare = (source: string) => {
    const { GraphQLError, parse, validate } = graphqlJs();
    let document = documents.get(source);
    if (document) return document;
    try {
      const parsed = parse(source);
      const errors = validate(runtime.schema(), parsed);
      document = errors.length > 0 ? errors : parsed;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      document = [error];
    }
    if (documents.size >= DOCUMENT_LIMIT) documents.delete(documents.keys().next().value!);
    documents.set(source, document);
    return document;
  };
  const runtime: GraphqlRuntime = {
    model,
    schema: () => (schema ??= buildSchema(model)),
    sdl: () => graphqlJs().printSchema(runtime.schema()),
    execute: (source, variables, operationName) => {
      const document = prepare(source);
      if (!("kind" in document)) return { errors: document };
      return graphqlJs().executeSync({
        schema: runtime.schema(),
        document,
        variableValues: variables,
        operationName,
      });
    },
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
