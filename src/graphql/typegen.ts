import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLSchema,
  type GraphQLType,
} from "graphql";

const SCALARS: Record<string, string> = {
  ID: "string",
  String: "string",
  Int: "number",
  Float: "number",
  Boolean: "boolean",
  JSON: "unknown",
};

/**
 * TypeScript types of the site's GraphQL schema, in a global namespace `KilnGraphql` so a
 * page names them without an import: `query<{ allPosts: KilnGraphql.Post[] }>(…)`.
 */
export function graphqlTypes(schema: GraphQLSchema): string {
  const lines = [
    "// Written by Kiln from the collections' schemas in kiln.config.ts, on every build and",
    "// `kiln dev`. Do not edit: add `.kiln/graphql.d.ts` to tsconfig.json's `include`.",
    "declare namespace KilnGraphql {",
  ];
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith("__"))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const type of types) {
    if (type instanceof GraphQLEnumType) {
      const values = type.getValues().map((value) => JSON.stringify(value.value));
      lines.push(`  type ${type.name} = ${values.join(" | ")};`);
    } else if (type instanceof GraphQLObjectType) {
      lines.push(`  interface ${type.name} {`);
      for (const field of Object.values(type.getFields())) {
        lines.push(`    ${field.name}: ${tsType(field.type)};`);
      }
      lines.push("  }");
    }
  }
  lines.push("}", "");
  return lines.join("\n");
}

function tsType(type: GraphQLType, nullable = true): string {
  if (type instanceof GraphQLNonNull) return tsType(type.ofType, false);
  const orNull = nullable ? " | null" : "";
  if (type instanceof GraphQLList) {
    const item = tsType(type.ofType);
    return `${item.includes(" ") ? `(${item})` : item}[]${orNull}`;
  }
  if (type instanceof GraphQLScalarType) return `${SCALARS[type.name] ?? "unknown"}${orNull}`;
  return `${type.name}${orNull}`;
}

/** Writes `<cacheDir>/graphql.d.ts`, only when it changed (editors and watchers see no churn). */
export async function writeGraphqlTypes(cacheDir: string, schema: GraphQLSchema): Promise<void> {
  const file = path.join(cacheDir, "graphql.d.ts");
  const text = graphqlTypes(schema);
  const before = await readFile(file, "utf8").catch(() => undefined);
  if (before === text) return;
  await mkdir(cacheDir, { recursive: true });
  await writeFile(file, text);
}
