import type {
  GraphQLEnumType,
  GraphQLFieldConfigMap,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLScalarType,
} from "graphql";
import { graphqlJs } from "./graphql-js.js";
import type { JsonSchema } from "./model.js";
import { fieldName, isGraphqlName, pascalCase, type createNamer } from "./names.js";

/** How one data field is typed, and how its stored value becomes the field's value. */
export interface FieldPlan {
  type: GraphQLOutputType;
  /** The type `where` takes for it, when it can be matched (a scalar, an enum, a reference id). */
  match?: "id" | "string" | "date" | "int" | "float" | "boolean" | GraphQLEnumType | undefined;
  read: (value: unknown) => unknown;
}

export interface TypeContext {
  name: ReturnType<typeof createNamer>;
  /** Anything a schema cannot say more of (a record, a union): the value as it is. */
  json: GraphQLScalarType;
  /** The entry type of a collection, and reading one entry by id. */
  entryType: (collection: string) => GraphQLObjectType | undefined;
  entry: (collection: string, id: string) => unknown;
}

/** The GraphQL type of a JSON Schema, named after where it sits (`PostSeo` for `seo` in posts). */
export function planField(
  context: TypeContext,
  schema: JsonSchema,
  typeName: string,
  required: boolean,
): FieldPlan {
  const { GraphQLNonNull } = graphqlJs();
  const { inner, nullable } = unwrapNull(schema);
  const plan = planInner(context, inner, typeName);
  const nonNull = required && !nullable && !(plan.type instanceof GraphQLNonNull);
  return nonNull ? { ...plan, type: new GraphQLNonNull(plan.type) } : plan;
}

function planInner(context: TypeContext, schema: JsonSchema, typeName: string): FieldPlan {
  const { GraphQLBoolean, GraphQLEnumType, GraphQLFloat, GraphQLInt, GraphQLList } = graphqlJs();
  const { GraphQLObjectType, GraphQLString } = graphqlJs();
  const target = schema.kilnReference;
  const entryType = target === undefined ? undefined : context.entryType(target);
  if (target !== undefined && entryType) {
    return {
      type: entryType,
      match: "id",
      read: (value) => {
        const id = typeof value === "string" ? value : (value as { id?: unknown } | null)?.id;
        return typeof id === "string" ? context.entry(target, id) : null;
      },
    };
  }
  const same = (value: unknown) => value;
  switch (schema.type) {
    case "string":
      if (schema.format === "date-time") {
        return {
          type: GraphQLString,
          match: "date",
          read: (v) => (v instanceof Date ? v.toISOString() : v),
        };
      }
      if (
        schema.enum?.length &&
        schema.enum.every((v) => typeof v === "string" && isGraphqlName(v))
      ) {
        const type = new GraphQLEnumType({
          name: context.name(typeName),
          values: Object.fromEntries(schema.enum.map((v) => [v as string, { value: v }])),
        });
        return { type, match: type, read: same };
      }
      return { type: GraphQLString, match: "string", read: same };
    case "integer":
      return { type: GraphQLInt, match: "int", read: same };
    case "number":
      return { type: GraphQLFloat, match: "float", read: same };
    case "boolean":
      return { type: GraphQLBoolean, match: "boolean", read: same };
    case "array": {
      if (!schema.items) break;
      const item = planField(context, schema.items, typeName, true);
      return {
        type: new GraphQLList(item.type),
        match: item.match,
        read: (value) => (Array.isArray(value) ? value.map(item.read) : value),
      };
    }
    case "object":
      if (schema.properties && Object.keys(schema.properties).length > 0) {
        const fields = dataFields(context, schema, typeName);
        const type = new GraphQLObjectType({
          name: context.name(typeName),
          fields: () => fields.config,
        });
        return { type, read: same };
      }
      break;
    case undefined:
    default:
      // A union, a record, an `any`: nothing a GraphQL type says.
      break;
  }
  return { type: context.json, read: same };
}

/** `type: ["string", "null"]` and `anyOf: [x, {type: "null"}]`: x, nullable. */
function unwrapNull(schema: JsonSchema): { inner: JsonSchema; nullable: boolean } {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== "null");
    const inner = { ...schema, type: types.length === 1 ? types[0] : types };
    return { inner: types.length === 1 ? inner : {}, nullable: types.length < schema.type.length };
  }
  if (schema.anyOf) {
    const others = schema.anyOf.filter((option) => option.type !== "null");
    if (others.length === 1)
      return { inner: others[0]!, nullable: others.length < schema.anyOf.length };
    return { inner: {}, nullable: true };
  }
  return { inner: schema, nullable: false };
}

export interface DataFields {
  config: GraphQLFieldConfigMap<unknown, unknown>;
  /** GraphQL field name → data key and plan, for `where` and `sort`. */
  byName: Map<string, { key: string; plan: FieldPlan }>;
}

/**
 * The fields of an object schema. `reserved` names (an entry's own `id`, `html`) stay the
 * entry's: a data field of that name is `id_`. `dataOf` finds the object in the parent value.
 */
export function dataFields(
  context: TypeContext,
  schema: JsonSchema,
  typeName: string,
  reserved: readonly string[] = [],
  dataOf: (parent: unknown) => unknown = (parent) => parent,
): DataFields {
  const config: GraphQLFieldConfigMap<unknown, unknown> = {};
  const byName = new Map<string, { key: string; plan: FieldPlan }>();
  const required = new Set(schema.required ?? []);
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    let name = fieldName(key);
    while (reserved.includes(name) || name in config) name = `${name}_`;
    const plan = planField(context, property, `${typeName}${pascalCase(key)}`, required.has(key));
    byName.set(name, { key, plan });
    config[name] = {
      type: plan.type,
      resolve: (parent) => {
        const data = dataOf(parent) as Record<string, unknown> | null | undefined;
        const value = data?.[key];
        return value === undefined || value === null ? null : plan.read(value);
      },
    };
  }
  return { config, byName };
}
