/**
 * The Standard Schema interface (standardschema.dev), which zod, valibot and arktype all
 * implement. Accepting it instead of zod's classes means a schema built with the user's own
 * copy of zod works as well as one built with Kiln's.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly StandardIssue[] };

export interface StandardIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

export type InferOutput<S> =
  S extends StandardSchemaV1<unknown, infer O> ? O : Record<string, unknown>;

export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  const standard = (value as { "~standard"?: { validate?: unknown } } | null)?.["~standard"];
  return typeof standard?.validate === "function";
}

/** `["tags", 0]` → `tags[0]`; the empty path is the whole value. */
export function formatIssuePath(issuePath: StandardIssue["path"]): string {
  let out = "";
  for (const part of issuePath ?? []) {
    const key = typeof part === "object" ? part.key : part;
    out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}

export function issueKeys(issuePath: StandardIssue["path"]): PropertyKey[] {
  return (issuePath ?? []).map((part) => (typeof part === "object" ? part.key : part));
}
