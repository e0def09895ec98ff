import { toJSONSchema, type ZodType } from "zod";
import type { StandardSchemaV1 } from "../config/index.js";

/** The part of a JSON Schema the GraphQL mapping reads. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  /** Set by `reference("authors")`: the collection the id names. */
  kilnReference?: string;
}

/**
 * What the GraphQL schema is made from, as plain data: the data schema of each collection,
 * from its zod schema (never from its entries), or `undefined` where the collection has none
 * that says its fields. Data, not zod objects, so a render worker gets it in `workerData`
 * and makes the same GraphQL schema the main thread does.
 */
export interface GraphqlModel {
  collections: Record<string, JsonSchema | undefined>;
}

/** The model of a site's collections: those of the config and those found as folders. */
export function describeCollections(
  collections: Readonly<Record<string, { schema?: StandardSchemaV1 | undefined }>>,
  names: readonly string[],
): GraphqlModel {
  const all = [...new Set([...Object.keys(collections), ...names])].sort();
  return {
    collections: Object.fromEntries(
      all.map((name) => [name, dataSchema(collections[name]?.schema)]),
    ),
  };
}

function dataSchema(schema: StandardSchemaV1 | undefined): JsonSchema | undefined {
  if (!schema || schema["~standard"].vendor !== "zod") return undefined;
  let json: JsonSchema & { $schema?: string };
  try {
    json = toJSONSchema(schema as unknown as ZodType, {
      io: "output",
      unrepresentable: "any",
      // Dates leave a query as ISO 8601 strings.
      override: (context) => {
        if (context.zodSchema._zod.def.type === "date") {
          Object.assign(context.jsonSchema, { type: "string", format: "date-time" });
        }
      },
    }) as JsonSchema;
  } catch {
    // A zod 3 schema, or one JSON Schema cannot say: the entries' data stays one JSON field.
    return undefined;
  }
  if (json.type !== "object" || !json.properties) return undefined;
  delete json.$schema;
  return json;
}
