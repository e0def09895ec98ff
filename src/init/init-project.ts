import { randomUUID } from "node:crypto";
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { KilnError, catalog } from "../errors/index.js";
import {
  TEMPLATE_NAMES,
  isTemplateFile,
  isTemplateName,
  templateFolder,
  type TemplateName,
} from "./templates.js";

export interface InitOptions {
  /** The new project's folder; created when missing. */
  dir: string;
  /** One of TEMPLATE_NAMES. */
  template: string;
  /**
   * Write over the template's files in a folder that is not empty; other files stay. A
   * folder holding only `.git` counts as empty.
   */
  force?: boolean;
  /** The site's address, written as `site.url` (sitemap, feeds and canonical links need it). */
  url?: string | undefined;
}

export interface InitResult {
  /** Absolute path of the project folder. */
  root: string;
  /** Files written, relative to root, sorted. */
  files: string[];
}

/** Files every project gets whatever its template, besides the template's own. */
/**
 * What a folder may hold and still be started in without --force: what `npm init` and
 * `npm install kiln-ssg` leave (the docs' way in). Their package.json is merged, not replaced.
 */
const ALLOWED = new Set([".git", "package.json", "package-lock.json", "node_modules"]);

const GITIGNORE = ["node_modules", "dist", ".kiln", ".dist.kiln-out-*", ".kiln-build.lock", ""];

/**
 * Writes a new project from a template, first beside the folder: a new folder is then
 * renamed into place, so it appears whole or not at all; into an existing one the files are
 * copied, and removed again if that fails in a folder that was empty.
 */
export async function initProject(options: InitOptions): Promise<InitResult> {
  const { template } = options;
  if (!isTemplateName(template)) {
    throw new KilnError(catalog.InitTemplateUnknown({ template, templates: TEMPLATE_NAMES }));
  }
  const root = path.resolve(options.dir);
  const existing = await listExisting(root);
  const blocking = existing?.filter((name) => !ALLOWED.has(name)) ?? [];
  if (blocking.length > 0 && !options.force) {
    throw new KilnError(catalog.InitFolderNotEmpty({ folder: root, entries: blocking }));
  }
  const parent = path.dirname(root);
  await mkdir(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(root)}.kiln-init-${randomUUID()}`);
  try {
    await writeTemplate(template, staging, {
      folderName: path.basename(root),
      existingPackage: await readExistingPackage(root),
      url: options.url,
    });
    const files = await listFiles(staging);
    if (existing === undefined) {
      await rename(staging, root);
    } else {
      // The folder stays the same folder: it may be the shell's current one (`kiln init .`).
      await cp(staging, root, { recursive: true, force: true }).catch(async (error: unknown) => {
        // In a folder that was empty (or held only .git, npm's files) every other name is ours.
        if (blocking.length === 0) {
          for (const name of await readdir(staging)) {
            if (!ALLOWED.has(name))
              await rm(path.join(root, name), { recursive: true, force: true });
          }
        }
        throw error;
      });
    }
    return { root, files };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

/** What the folder holds already; undefined when it does not exist. */
async function listExisting(root: string): Promise<string[] | undefined> {
  const info = await stat(root).catch(ignoreMissing);
  if (!info) return undefined;
  if (!info.isDirectory()) throw new KilnError(catalog.InitTargetNotFolder({ path: root }));
  return (await readdir(root)).sort();
}

async function writeTemplate(
  template: TemplateName,
  into: string,
  project: {
    folderName: string;
    existingPackage: Record<string, unknown> | undefined;
    url?: string | undefined;
  },
): Promise<void> {
  const from = templateFolder(template);
  await cp(from, into, {
    recursive: true,
    filter: (source) => isTemplateFile(path.relative(from, source).split(path.sep).join("/")),
  });
  await writeFile(path.join(into, ".gitignore"), GITIGNORE.join("\n"));
  const fresh = await projectPackage(project.folderName);
  const merged = project.existingPackage ? mergePackage(project.existingPackage, fresh) : fresh;
  await writeFile(path.join(into, "package.json"), `${JSON.stringify(merged, null, 2)}\n`);
  if (project.url !== undefined) await writeSiteUrl(path.join(into, "kiln.config.ts"), project.url);
}

/**
 * The folder's own package.json with what the template needs added: its name, scripts and
 * dependencies win, so a working `kiln-ssg` dependency (a tarball, a path) is never replaced.
 */
function mergePackage(existing: Record<string, unknown>, fresh: Record<string, unknown>): object {
  const section = (key: string) => ({
    ...(fresh[key] as Record<string, string> | undefined),
    ...(existing[key] as Record<string, string> | undefined),
  });
  return {
    ...fresh,
    ...existing,
    type: "module",
    scripts: section("scripts"),
    dependencies: section("dependencies"),
    devDependencies: section("devDependencies"),
  };
}

async function readExistingPackage(root: string): Promise<Record<string, unknown> | undefined> {
  const text = await readFile(path.join(root, "package.json"), "utf8").catch(ignoreMissing);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // Not JSON: written over like any other template file, which --force allows.
  }
  return undefined;
}

/** Sets `site.url` in the template's config: replaces the example's, or adds it first. */
async function writeSiteUrl(configFile: string, url: string): Promise<void> {
  const text = await readFile(configFile, "utf8");
  const line = `url: ${JSON.stringify(url)},`;
  const replaced = /^(\s*)url: "[^"]*",/m.test(text)
    ? text.replace(/^(\s*)url: "[^"]*",/m, (_match, indent: string) => `${indent}${line}`)
    : text.replace(/^(\s*)site: \{\n/m, (match, indent: string) => `${match}${indent}  ${line}\n`);
  await writeFile(configFile, replaced);
}

interface KilnPackage {
  version: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** The new project's package.json: Kiln at its own version, Preact and TypeScript as Kiln's. */
async function projectPackage(folderName: string): Promise<Record<string, unknown>> {
  const kilnRoot = fileURLToPath(new URL("../..", import.meta.url));
  const kiln = JSON.parse(
    await readFile(path.join(kilnRoot, "package.json"), "utf8"),
  ) as KilnPackage;
  return {
    name: packageName(folderName),
    version: "0.0.0",
    private: true,
    type: "module",
    scripts: {
      dev: "kiln dev",
      build: "kiln build",
      serve: "kiln serve",
      check: "kiln check",
    },
    engines: kiln.engines,
    dependencies: {
      "kiln-ssg": kilnDependency(kilnRoot, kiln.version),
      preact: kiln.dependencies["preact"],
    },
    devDependencies: { typescript: kiln.devDependencies["typescript"] },
  };
}

/**
 * Kiln as the new project installs it: the registry's version when this Kiln was installed
 * from a package (it sits in a node_modules folder), else the checkout it runs from, by path:
 * kiln-ssg is not published yet, so `^0.1.0` would fail `npm install` with a 404.
 */
function kilnDependency(kilnRoot: string, version: string): string {
  if (kilnRoot.split(path.sep).includes("node_modules")) return `^${version}`;
  return `file:${kilnRoot.replace(/[\\/]$/, "")}`;
}

/** An npm package name from a folder name: lower case, only the characters npm allows. */
export function packageName(folderName: string): string {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|[-]+$/g, "");
  return name || "my-site";
}

function ignoreMissing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
  throw error;
}
