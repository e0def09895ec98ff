import type {
  GraphQLFieldConfigMap,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
} from "graphql";
import { graphqlJs } from "./graphql-js.js";
import { parseIsoDate, queryCollection, queryEntry, type Entry } from "../content/index.js";
import { renderEntry } from "../markdown/index.js";
import { dataFields, type DataFields, type FieldPlan } from "./field-types.js";
import type { GraphqlModel } from "./model.js";
import { createNamer, pascalCase, singular } from "./names.js";

/** An entry's own fields: a data field of one of these names is reached as `id_`, `html_`. */
const ENTRY_FIELDS = ["id", "html"];

/**
 * The GraphQL schema of a site: per collection an entry type (`Post`: `id`, `html` and the
 * data fields its zod schema declares), `allPosts(where, sort, limit, offset)` and
 * `post(id)`. Resolvers read the store of the page or request being served (`getCollection`'s
 * queries), so the schema is made once per build, worker or dev session.
 */
export function buildSchema(model: GraphqlModel): GraphQLSchema {
  const {
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLString,
  } = graphqlJs();
  const name = createNamer();
  name("Query");
  name("JSON");
  const collections = Object.keys(model.collections);
  const entryTypes = new Map<string, GraphQLObjectType>();
  const fieldsOf = new Map<string, DataFields>();
  const json = new GraphQLScalarType({
    name: "JSON",
    description: "A value as the entry holds it (a record or a union the schema has no type for).",
    serialize: (value) => value,
  });
  const context = {
    name,
    json,
    entryType: (collection: string) => entryTypes.get(collection),
    entry: (collection: string, id: string) => queryEntry(collection, id) ?? null,
  };
  for (const collection of collections) {
    const typeName = name(pascalCase(singular(collection)));
    const schema = model.collections[collection];
    const type = new GraphQLObjectType<Entry>({
      name: typeName,
      description: `An entry of the collection "${collection}".`,
      fields: () => {
        const own: GraphQLFieldConfigMap<Entry, unknown> = {
          id: { type: new GraphQLNonNull(GraphQLID), resolve: (entry) => entry.id },
          html: {
            type: new GraphQLNonNull(GraphQLString),
            description: "The entry's body rendered to HTML.",
            resolve: (entry) => (entry.body === "" ? "" : renderEntry(entry).html),
          },
        };
        if (!schema) {
          own["data"] = {
            type: json,
            description: "The collection has no zod schema.",
            resolve: (e) => e.data,
          };
          return own;
        }
        const fields = dataFields(
          context,
          schema,
          typeName,
          ENTRY_FIELDS,
          (entry) => (entry as Entry).data,
        );
        fieldsOf.set(collection, fields);
        return { ...own, ...(fields.config as GraphQLFieldConfigMap<Entry, unknown>) };
      },
    });
    entryTypes.set(collection, type);
  }
  const fields = createNamer();
  fields("_collections");
  const query: GraphQLFieldConfigMap<unknown, unknown> = {
    _collections: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))),
      resolve: () => collections,
    },
  };
  for (const collection of collections) {
    const type = entryTypes.get(collection)!;
    void type.getFields(); // every entry type exists now: its data fields can be made
    const known = fieldsOf.get(collection);
    const where = known && whereType(name, type, known);
    query[fields(`all${pascalCase(collection)}`)] = {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type))),
      description: `Entries of "${collection}": those matching every field of \`where\`, in \`sort\` order ("date", or "-date" for newest first), from \`offset\`, at most \`limit\`.`,
      args: {
        ...(where ? { where: { type: where } } : {}),
        sort: { type: GraphQLString },
        limit: { type: GraphQLInt },
        offset: { type: GraphQLInt },
      },
      resolve: (_, args: QueryArgs) =>
        queryCollection(collection, {
          where: args.where ? whereValues(args.where, known) : undefined,
          sort: args.sort ? sortKey(args.sort, known) : undefined,
          limit: args.limit ?? undefined,
          offset: args.offset ?? undefined,
        }),
    };
    query[fields(lowerFirst(pascalCase(singular(collection))))] = {
      type,
      args: { id: { type: new GraphQLNonNull(GraphQLID) } },
      resolve: (_, args: { id: string }) => queryEntry(collection, args.id) ?? null,
    };
  }
  return new GraphQLSchema({ query: new GraphQLObjectType({ name: "Query", fields: query }) });
}

interface QueryArgs {
  where?: Record<string, unknown> | null;
  sort?: string | null;
  limit?: number | null;
  offset?: number | null;
}

function lowerFirst(text: string): string {
  return text[0]!.toLowerCase() + text.slice(1);
}

/**
 * `PostWhere`: each field that can be matched, by value (an array field: one of its items);
 * none when no field can be (GraphQL has no empty input types).
 */
function whereType(
  name: (wanted: string) => string,
  type: GraphQLObjectType,
  known: DataFields,
): GraphQLInputObjectType | undefined {
  const { GraphQLInputObjectType } = graphqlJs();
  const inputs: Record<string, { type: GraphQLInputType }> = {};
  for (const [field, { plan }] of known.byName) {
    const input = matchType(plan);
    if (input) inputs[field] = { type: input };
  }
  if (Object.keys(inputs).length === 0) return undefined;
  return new GraphQLInputObjectType({ name: name(`${type.name}Where`), fields: inputs });
}

function matchType({ match }: FieldPlan): GraphQLInputType | undefined {
  const { GraphQLBoolean, GraphQLFloat, GraphQLID, GraphQLInt, GraphQLString } = graphqlJs();
  switch (match) {
    case undefined:
      return undefined;
    case "id":
      return GraphQLID;
    case "string":
    case "date":
      return GraphQLString;
    case "int":
      return GraphQLInt;
    case "float":
      return GraphQLFloat;
    case "boolean":
      return GraphQLBoolean;
    default:
      return match;
  }
}

function whereValues(where: Record<string, unknown>, known: DataFields | undefined) {
  const { GraphQLError } = graphqlJs();
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    const { key, plan } = known!.byName.get(field)!;
    if (plan.match === "date") {
      const date = typeof value === "string" ? parseIsoDate(value) : undefined;
      if (!date)
        throw new GraphQLError(`where.${field}: ${JSON.stringify(value)} is not an ISO 8601 date`);
      values[key] = date;
    } else {
      values[key] = value;
    }
  }
  return values;
}

function sortKey(sort: string, known: DataFields | undefined): string {
  const { GraphQLError } = graphqlJs();
  const descending = sort.startsWith("-");
  const field = descending ? sort.slice(1) : sort;
  const key = known?.byName.get(field)?.key;
  if (key === undefined) {
    const names = [...(known?.byName.keys() ?? [])].join(", ") || "none";
    throw new GraphQLError(
      `sort: "${field}" is not a field of the collection (its fields: ${names})`,
    );
  }
  return descending ? `-${key}` : key;
}
