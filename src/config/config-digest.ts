import { sha256 } from "../support/index.js";
import type { ResolvedConfig } from "./schema.js";

/**
 * A digest of the resolved config's values: what a config file computed at load time
 * (`site.url` from `process.env` on a preview deploy) changes it, where a digest of the
 * config's files saw no change and a warm build kept pages with the old URL. Code in the
 * config (schemas, sources, functions) is covered by the digest of the files it came from.
 */
export function digestConfig(config: ResolvedConfig): string {
  const seen = new WeakSet<object>();
  const text = JSON.stringify(config, (_key, value: unknown) => {
    if (typeof value === "function") return "[function]";
    if (value instanceof RegExp) return value.toString();
    if (value === null || typeof value !== "object") return value;
    if ("~standard" in value) return "[schema]";
    if (seen.has(value)) return "[seen]";
    seen.add(value);
    return value;
  });
  return sha256(text);
}
