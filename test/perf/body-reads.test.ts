import assert from "node:assert/strict";
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { build } from "../../src/build/index.js";
import type { Project } from "../helpers/build-fixture.js";
import { manyPagesProject } from "./many-pages.js";

/**
 * A post's body used to be read and decoded up to four times a build (two passes before
 * rendering, a copy for each worker, the render). Now: once when content loads (its digest and
 * front matter) and once by the thread that renders it, however many pages show it (the home
 * page, its own page and its tag pages all render it here).
 */
describe("reading post bodies", () => {
  let project: Project;
  const reads = new Map<string, number>();
  before(async () => {
    project = await manyPagesProject(40);
    const posts = path.join(project.root, "src/content/posts");
    const count = (file: unknown) => {
      const name = String(file);
      if (name.startsWith(posts)) reads.set(name, (reads.get(name) ?? 0) + 1);
    };
    const { readFileSync } = fs;
    const { readFile } = fs.promises;
    fs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      count(file);
      return (readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync;
    fs.promises.readFile = ((file: fs.PathLike, ...rest: unknown[]) => {
      count(file);
      return (readFile as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.promises.readFile;
    syncBuiltinESMExports();
    try {
      await build({
        root: project.root,
        workers: 0,
        logger: { info: () => {}, warn: () => {} },
      });
    } finally {
      fs.readFileSync = readFileSync;
      fs.promises.readFile = readFile;
      syncBuiltinESMExports();
    }
  });
  after(() => project.cleanup());

  it("reads each post twice: to load it, and to render it", () => {
    assert.equal(reads.size, 40);
    for (const [file, count] of reads) assert.equal(count, 2, path.basename(file));
  });
});
