import { fileURLToPath } from "node:url";

/**
 * The starters `kiln init` offers. Each is the example of the same name in Kiln's examples/
 * folder, copied as it is: the examples are the templates, so there is one source to keep
 * building (the repository's tests build every example).
 */
export const TEMPLATES = [
  { name: "blog", description: "posts with tags and feeds, an island, images" },
  { name: "docs", description: "documentation pages with a sidebar" },
  { name: "minimal", description: "one page and one markdown page" },
] as const;

export type TemplateName = (typeof TEMPLATES)[number]["name"];

export const TEMPLATE_NAMES: readonly TemplateName[] = TEMPLATES.map((t) => t.name);

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}

/** examples/<name> of the installed package (lib/init → ../../examples) or of the repository. */
export function templateFolder(name: TemplateName): string {
  return fileURLToPath(new URL(`../../examples/${name}/`, import.meta.url));
}

/**
 * What an example folder may hold that is not part of the template: what building or
 * installing it inside the repository left there. Matched against names at the top of the
 * example, except node_modules, which is skipped at any depth.
 */
const SKIP_AT_TOP = new Set(["dist", ".kiln", ".kiln-build.lock", "package-lock.json"]);

/** Whether a path inside an example (relative, `/`-separated) is copied into a new project. */
export function isTemplateFile(relative: string): boolean {
  const parts = relative.split("/");
  if (parts.includes("node_modules") || parts.includes(".DS_Store")) return false;
  const top = parts[0] ?? "";
  return !SKIP_AT_TOP.has(top) && !top.startsWith(".dist.kiln-");
}
