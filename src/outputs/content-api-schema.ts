import { toJSONSchema, type ZodType } from "zod";
import type { StandardSchemaV1 } from "../config/standard-schema.js";

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of one item file of the content API. The `data` part comes from the
 * collection's zod schema as the build outputs it (after transforms and defaults); a schema
 * that is not zod (any other Standard Schema) or none at all gives an open object, since
 * nothing else can be said of it without guessing from the entries.
 */
export function itemJsonSchema(
  collection: string,
  schema: StandardSchemaV1 | undefined,
  fields: readonly string[] | undefined,
): JsonSchema {
  const data = pickFields(dataSchema(schema), fields);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `${collection} entry`,
    type: "object",
    properties: {
      id: { type: "string" },
      url: {
        type: ["string", "null"],
        description: "The entry's page on the site, if it has one.",
      },
      data,
      html: { type: "string", description: "The entry's body rendered to HTML." },
    },
    required: ["id", "url", "data"],
    additionalProperties: false,
  };
}

function dataSchema(schema: StandardSchemaV1 | undefined): JsonSchema {
  if (!schema || !isZod(schema)) return { type: "object" };
  let json: JsonSchema;
  try {
    json = toJSONSchema(schema, {
      io: "output",
      unrepresentable: "any",
      // Dates leave the build as JSON.stringify writes them: ISO 8601 strings.
      override: (context) => {
        if (context.zodSchema._zod.def.type === "date") {
          Object.assign(context.jsonSchema, { type: "string", format: "date-time" });
        }
      },
    });
  } catch {
    // A zod 3 schema (vendor "zod" too) or a shape JSON Schema cannot say: describe it openly.
    return { type: "object" };
  }
  delete json["$schema"];
  return json;
}

function pickFields(schema: JsonSchema, fields: readonly string[] | undefined): JsonSchema {
  const properties = schema["properties"] as Record<string, unknown> | undefined;
  if (!fields || !properties) return schema;
  const required = (schema["required"] as string[] | undefined) ?? [];
  return {
    ...schema,
    properties: Object.fromEntries(
      fields.filter((f) => f in properties).map((f) => [f, properties[f]]),
    ),
    required: required.filter((field) => fields.includes(field)),
  };
}

function isZod(schema: StandardSchemaV1): schema is StandardSchemaV1 & ZodType {
  return (schema as { "~standard": { vendor: string } })["~standard"].vendor === "zod";
}
