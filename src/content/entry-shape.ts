/**
 * What is wrong with a value given to `store.set()`, or undefined when it is an entry. Sources
 * are user code (a plugin's `addSource`): an entry missing its fields failed later, far from
 * the source, as Kiln's internal error. The body is not read (it may be a lazy getter).
 */
export function entryProblem(entry: unknown): string | undefined {
  if (typeof entry !== "object" || entry === null) return "is not an object";
  const fields = entry as Record<string, unknown>;
  for (const key of ["id", "collection", "digest"] as const)
    if (typeof fields[key] !== "string") return `"${key}" is not a string`;
  const data = fields["data"];
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return `"data" is not an object`;
  if (!("body" in entry)) return `"body" is missing (use "" for an entry without one)`;
  const origin = fields["origin"] as Record<string, unknown> | null | undefined;
  if (
    typeof origin !== "object" ||
    origin === null ||
    (typeof origin["file"] !== "string" && typeof origin["url"] !== "string")
  )
    return `"origin" is not { file } or { url }`;
  return undefined;
}
