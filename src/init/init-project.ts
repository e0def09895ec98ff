import { randomUUID } from "node:crypto";
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
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
}

export interface InitResult {
  /** Absolute path of the project folder. */
  root: string;
  /** Files written, relative to root, sorted. */
  files: string[];
}

/** Files every project gets whatever its template, besides the template's own. */
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
  const blocking = existing?.filter((name) => name !== ".git") ?? [];
  if (blocking.length > 0 && !options.force) {
    throw new KilnError(catalog.InitFolderNotEmpty({ folder: root, entries: blocking }));
  }
  const parent = path.dirname(root);
  await mkdir(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(root)}.kiln-init-${randomUUID()}`);
  try {
    await writeTemplate(template, staging, path.basename(root));
    const files = await listFiles(staging);
    if (existing === undefined) {
      await rename(staging, root);
    } else {
      // The folder stays the same folder: it may be the shell's current one (`kiln init .`).
      await cp(staging, root, { recursive: true, force: true }).catch(async (error: unknown) => {
        // In a folder that was empty (or held only .git) every name written is ours.
        if (blocking.length === 0) {
          for (const name of await readdir(staging))
            await rm(path.join(root, name), { recursive: true, force: true });
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
  folderName: string,
): Promise<void> {
  const from = templateFolder(template);
  await cp(from, into, {
    recursive: true,
    filter: (source) => isTemplateFile(path.relative(from, source).split(path.sep).join("/")),
  });
  await writeFile(path.join(into, ".gitignore"), GITIGNORE.join("\n"));
  await writeFile(
    path.join(into, "package.json"),
    `${JSON.stringify(await projectPackage(folderName), null, 2)}\n`,
  );
}

interface KilnPackage {
  version: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** The new project's package.json: Kiln at its own version, Preact and TypeScript as Kiln's. */
async function projectPackage(folderName: string): Promise<object> {
  const kiln = JSON.parse(
    await readFile(new URL("../../package.json", import.meta.url), "utf8"),
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
      "kiln-ssg": `^${kiln.version}`,
      preact: kiln.dependencies["preact"],
    },
    devDependencies: { typescript: kiln.devDependencies["typescript"] },
  };
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
