import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { GraphQLSchema, GraphQLType } from "graphql";
import { graphqlJs } from "./graphql-js.js";

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
  const { isEnumType, isObjectType } = graphqlJs();
  const lines = [
    "// Written by Kiln from the collections' schemas in kiln.config.ts, on every build and",
    "// `kiln dev` while tsconfig.json includes this file. Do not edit.",
    "declare namespace KilnGraphql {",
  ];
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith("__"))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const type of types) {
    if (isEnumType(type)) {
      const values = type.getValues().map((value) => JSON.stringify(value.value));
      lines.push(`  type ${type.name} = ${values.join(" | ")};`);
    } else if (isObjectType(type)) {
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
  const { isListType, isNonNullType, isScalarType } = graphqlJs();
  if (isNonNullType(type)) return tsType(type.ofType, false);
  const orNull = nullable ? " | null" : "";
  if (isListType(type)) {
    const item = tsType(type.ofType);
    return `${item.includes(" ") ? `(${item})` : item}[]${orNull}`;
  }
  if (isScalarType(type)) return `${SCALARS[type.name] ?? "unknown"}${orNull}`;
  return `${type.name}${orNull}`;
}

/**
 * Writes `<cacheDir>/graphql.d.ts` when the project's tsconfig.json names it (a project that
 * does not use GraphQL never loads graphql-js), and only when it changed (editors and
 * watchers see no churn).
 */
export async function writeGraphqlTypes(
  root: string,
  cacheDir: string,
  schema: () => GraphQLSchema,
): Promise<void> {
  const tsconfig = await readFile(path.join(root, "tsconfig.json"), "utf8").catch(() => "");
  if (!tsconfig.includes("graphql.d.ts")) return;
  const file = path.join(cacheDir, "graphql.d.ts");
  const text = graphqlTypes(schema());
  const before = await readFile(file, "utf8").catch(() => undefined);
  if (before === text) return;
  await mkdir(cacheDir, { recursive: true });
  await writeFile(file, text);
}
