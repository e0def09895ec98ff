import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { walkFiles } from "../../src/support/index.js";
import { copyProject, runKiln } from "../helpers/build-fixture.js";

describe("symbolic links", () => {
  it("walkFiles follows links inside the root once and never leaves it", async () => {
    const base = await mkdtemp(path.join(tmpdir(), "kiln-links-"));
    try {
      const root = path.join(base, "root");
      await mkdir(path.join(root, "a"), { recursive: true });
      await writeFile(path.join(root, "a/one.md"), "1");
      await writeFile(path.join(base, "outside.md"), "secret");
      await symlink("..", path.join(root, "a/loop"));
      await symlink(path.join(base, "outside.md"), path.join(root, "a/out.md"));
      await symlink(base, path.join(root, "up"));
      await symlink(path.join(root, "a/one.md"), path.join(root, "alias.md"));
      const files = (await walkFiles(root, () => false)).map((f) => path.relative(root, f));
      assert.deepEqual(files, ["a/one.md", "alias.md"]);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it("a content folder with a link loop and a link out still builds, without the outside file", async () => {
    const project = await copyProject("basic-site");
    try {
      const posts = path.join(project.root, "src/content/posts");
      await symlink("..", path.join(posts, "loop"));
      await symlink("/etc", path.join(posts, "etc"));
      const result = await project.build();
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(
        (await project.files()).filter((f) => f.startsWith("posts/")),
        ["posts/first/index.html", "posts/second/index.html"],
      );
    } finally {
      await project.cleanup();
    }
  });

  it("a pages folder that is a link to another project's builds those pages (docs/ shares the docs starter's this way)", async () => {
    const project = await copyProject("basic-site");
    const shared = await mkdtemp(path.join(tmpdir(), "kiln-shared-pages-"));
    try {
      const pages = path.join(project.root, "src/pages");
      await rename(pages, path.join(shared, "pages"));
      await symlink(path.join(shared, "pages"), pages);
      const result = await project.build();
      assert.equal(result.code, 0, result.stderr);
      const files = await project.files();
      assert.ok(
        files.includes("index.html") && files.includes("posts/first/index.html"),
        files.join(),
      );
    } finally {
      await project.cleanup();
      await rm(shared, { recursive: true, force: true });
    }
  });

  it("a linked page imports relative to its link: the project's own module wins over the one beside the linked folder", async () => {
    const base = await mkdtemp(path.join(tmpdir(), "kiln-link-overlay-"));
    try {
      const shared = path.join(base, "theme");
      const site = path.join(base, "site");
      await mkdir(path.join(shared, "src/pages"), { recursive: true });
      await mkdir(path.join(site, "src"), { recursive: true });
      await writeFile(
        path.join(shared, "src/pages/index.tsx"),
        'import { name } from "../settings";\nexport default function Home() {\n  return <h1>{name}</h1>;\n}\n',
      );
      await writeFile(path.join(shared, "src/settings.ts"), 'export const name = "the theme";\n');
      await writeFile(path.join(site, "src/settings.ts"), 'export const name = "the site";\n');
      await symlink(path.join(shared, "src/pages"), path.join(site, "src/pages"));
      const result = await runKiln(["build", site, "--out", path.join(base, "out")]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(await readFile(path.join(base, "out/index.html"), "utf8"), /<h1>the site<\/h1>/);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
