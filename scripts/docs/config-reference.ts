/**
 * The config reference page, made from src/config/schema.ts so it cannot drift from it: the
 * keys, types and run-time defaults come from the zod schema itself, the descriptions and
 * `@default` texts from the JSDoc above each key (read with the TypeScript compiler API, since
 * comments do not exist at run time).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { z } from "zod";
import { configSchema } from "../../src/config/schema.js";
import { REPO_ROOT, escapeCell, escapeText, generatedNotice } from "./markdown-text.js";

const SCHEMA_FILE = path.join(REPO_ROOT, "src/config/schema.ts");

interface KeyDoc {
  text: string;
  default: string | undefined;
}

interface Row {
  /** `feeds[].dir`, `collections.<name>.schema`: how a user writes the key. */
  key: string;
  type: string;
  default: string | undefined;
  doc: KeyDoc | undefined;
}

export function configReference(): string {
  const docs = readSchemaDocs(readFileSync(SCHEMA_FILE, "utf8"));
  const rows: Row[] = [];
  walkObject(configSchema, "", "", docs, rows);
  const out = [
    "---",
    "title: Config reference",
    'description: "Every key of kiln.config.ts: its type, default and meaning."',
    "order: 90",
    "group: Reference",
    "---",
    "",
    generatedNotice("src/config/schema.ts"),
    "",
    "`kiln.config.ts` default-exports `defineConfig({ ... })`; every key is optional. An unknown",
    "key or a wrong type is an error naming the key and its line in the config",
    "([KILN_CONFIG_INVALID](../errors/#kiln_config_invalid),",
    "[KILN_CONFIG_KEY_UNKNOWN](../errors/#kiln_config_key_unknown)).",
    "",
  ];
  const topLevel = rows.filter((row) => !row.key.includes(".") && !row.key.includes("["));
  for (const top of topLevel) {
    out.push(`## ${top.key}`, "");
    if (top.doc?.text) out.push(escapeText(top.doc.text), "");
    const children = rows.filter(
      (row) => row.key.startsWith(`${top.key}.`) || row.key.startsWith(`${top.key}[]`),
    );
    if (children.length === 0) {
      out.push(`Type: ${code(top.type)}. Default: ${defaultOf(top)}.`, "");
      continue;
    }
    if (top.key !== "site" && top.type !== "object") {
      out.push(`Type: ${code(top.type)}. Default: ${defaultOf(top)}.`, "");
    }
    out.push("| key | type | default | meaning |", "| --- | --- | --- | --- |");
    for (const row of children) {
      out.push(
        `| ${escapeCell(code(row.key))} | ${escapeCell(code(row.type))} | ${escapeCell(defaultOf(row))} | ${escapeCell(escapeText(row.doc?.text ?? ""))} |`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}

function code(text: string): string {
  return `\`${text}\``;
}

function defaultOf(row: Row): string {
  if (row.doc?.default !== undefined) {
    const text = row.doc.default;
    // A default written as code (a literal, an object) is shown as code, with any remark
    // after it in brackets as prose: `""` (the bucket's root). Prose (25 MB) stays prose.
    const literal = /^([[{"].*?|-?\d+|true|false)(\s+\(.*\))?$/.exec(text);
    return literal ? `${code(literal[1]!)}${literal[2] ?? ""}` : text;
  }
  return row.default === undefined ? "—" : code(row.default);
}

type AnySchema = z.core.$ZodType;

function defOf(schema: AnySchema): z.core.$ZodTypeDef & Record<string, unknown> {
  return schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
}

/** Peels optional/default/prefault/pipe wrappers, noting the default. */
function unwrap(schema: AnySchema): { inner: AnySchema; fallback: unknown; hasDefault: boolean } {
  let inner = schema;
  let fallback: unknown;
  let hasDefault = false;
  for (;;) {
    const def = defOf(inner);
    if (def.type === "default" || def.type === "prefault") {
      if (!hasDefault) fallback = def.defaultValue;
      hasDefault = true;
      inner = def.innerType as AnySchema;
    } else if (def.type === "optional" || def.type === "nullable") {
      inner = def.innerType as AnySchema;
    } else if (def.type === "pipe") {
      inner = def.in as AnySchema;
    } else {
      return { inner, fallback, hasDefault };
    }
  }
}

function walkObject(
  schema: AnySchema,
  keyPrefix: string,
  docPrefix: string,
  docs: Map<string, KeyDoc>,
  rows: Row[],
): void {
  const shape = defOf(schema).shape as Record<string, AnySchema>;
  for (const [name, field] of Object.entries(shape)) {
    const key = `${keyPrefix}${name}`;
    const docKey = `${docPrefix}${name}`;
    const { inner, fallback, hasDefault } = unwrap(field);
    const isObject = defOf(inner).type === "object";
    rows.push({
      key,
      type: typeName(inner),
      default:
        hasDefault && !(isObject && JSON.stringify(fallback) === "{}")
          ? JSON.stringify(fallback)
          : undefined,
      doc: docs.get(docKey),
    });
    walkChildren(inner, key, docKey, docs, rows);
  }
}

/** Objects inside an object, an array, a record or a union get rows of their own. */
function walkChildren(
  schema: AnySchema,
  key: string,
  docKey: string,
  docs: Map<string, KeyDoc>,
  rows: Row[],
): void {
  const def = defOf(schema);
  switch (def.type as string) {
    case "object":
      walkObject(schema, `${key}.`, `${docKey}.`, docs, rows);
      return;
    case "array":
      walkChildren(unwrap(def.element as AnySchema).inner, `${key}[]`, docKey, docs, rows);
      return;
    case "record":
      walkChildren(unwrap(def.valueType as AnySchema).inner, `${key}.<name>`, docKey, docs, rows);
      return;
    case "union":
      for (const option of def.options as AnySchema[]) {
        walkChildren(unwrap(option).inner, key, docKey, docs, rows);
      }
      return;
    default:
      return;
  }
}

function typeName(schema: AnySchema): string {
  const def = defOf(schema);
  switch (def.type as string) {
    case "string":
      return def.format === "url" ? "URL" : "string";
    case "number": {
      const checks = (def.checks ?? []) as unknown as AnySchema[];
      const bounds = checks.map((check) => check._zod.def as unknown as Record<string, unknown>);
      const integer = bounds.some((b) => b.check === "number_format");
      const lower = bounds.find((b) => b.check === "greater_than");
      const min = lower?.value;
      const max = bounds.find((b) => b.check === "less_than")?.value;
      const range =
        lower?.inclusive && max !== undefined
          ? ` ${String(min)}–${String(max)}`
          : lower && !lower.inclusive
            ? ` > ${String(lower.value)}`
            : min !== undefined
              ? ` ≥ ${String(min)}`
              : "";
      return `${integer ? "integer" : "number"}${range}`;
    }
    case "boolean":
      return "boolean";
    case "literal":
      return (def.values as unknown[]).map((value) => JSON.stringify(value)).join(" | ");
    case "enum":
      return Object.values(def.entries as Record<string, string>)
        .map((value) => JSON.stringify(value))
        .join(" | ");
    case "union":
      return (def.options as AnySchema[])
        .map((option) => typeName(unwrap(option).inner))
        .join(" | ");
    case "array": {
      const element = typeName(unwrap(def.element as AnySchema).inner);
      return element.includes(" ") ? `(${element})[]` : `${element}[]`;
    }
    case "record":
      return `{ [name]: ${typeName(unwrap(def.valueType as AnySchema).inner)} }`;
    case "object":
      return "object";
    case "custom":
      return "object";
    default:
      return def.type;
  }
}

/**
 * The JSDoc of every key in schema.ts, by dotted path without array or record markers
 * (`feeds.dir`, `collections.schema`). A key's object is found by following the consts its
 * initializer names (`site: siteSchema.prefault({})`) to their `z.strictObject({ ... })`.
 */
export function readSchemaDocs(source: string): Map<string, KeyDoc> {
  const file = ts.createSourceFile("schema.ts", source, ts.ScriptTarget.Latest, true);
  const consts = new Map<string, ts.Expression>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) {
        consts.set(declaration.name.text, declaration.initializer);
      }
    }
  }
  const docs = new Map<string, KeyDoc>();
  const root = findObjectLiteral(consts.get("configSchema"), consts, new Set());
  if (root) collectDocs(root, "", consts, docs);
  return docs;
}

function collectDocs(
  literal: ts.ObjectLiteralExpression,
  prefix: string,
  consts: Map<string, ts.Expression>,
  docs: Map<string, KeyDoc>,
): void {
  for (const property of literal.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const name = property.name.getText();
    const doc = jsDocOf(property);
    if (doc) docs.set(`${prefix}${name}`, doc);
    const nested = findObjectLiteral(property.initializer, consts, new Set());
    if (nested) collectDocs(nested, `${prefix}${name}.`, consts, docs);
  }
}

/** The first `z.strictObject({...})`/`z.object({...})` argument reachable from `node`. */
function findObjectLiteral(
  node: ts.Node | undefined,
  consts: Map<string, ts.Expression>,
  seen: Set<string>,
): ts.ObjectLiteralExpression | undefined {
  if (!node) return undefined;
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ["strictObject", "object", "looseObject"].includes(node.expression.name.text) &&
    node.arguments[0] &&
    ts.isObjectLiteralExpression(node.arguments[0])
  ) {
    return node.arguments[0];
  }
  if (ts.isIdentifier(node) && consts.has(node.text) && !seen.has(node.text)) {
    seen.add(node.text);
    return findObjectLiteral(consts.get(node.text), consts, seen);
  }
  let found: ts.ObjectLiteralExpression | undefined;
  node.forEachChild((child) => {
    found ??= findObjectLiteral(child, consts, seen);
  });
  return found;
}

function jsDocOf(node: ts.Node): KeyDoc | undefined {
  const blocks = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const block = blocks.at(-1);
  if (!block) return undefined;
  const text = (ts.getTextOfJSDocComment(block.comment) ?? "").replace(/\s+/g, " ").trim();
  const tag = block.tags?.find((t) => t.tagName.text === "default");
  const fallback = tag ? (ts.getTextOfJSDocComment(tag.comment) ?? "").trim() : undefined;
  return { text, default: fallback?.replace(/\s+/g, " ") };
}
