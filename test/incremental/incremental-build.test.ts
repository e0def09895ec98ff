import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import { REPO, copyProject, type Project } from "../helpers/build-fixture.js";
import {
  coldSnapshot,
  prepareForReuse,
  inodes,
  rewritten,
  unchangedCount,
} from "./incremental-helpers.js";

/** Pages of examples/blog, read from the first build's summary. */
let PAGES = 0;

describe("incremental builds across runs", () => {
  let project: Project;
  const src = (relative: string) => path.join(project.root, "src", relative);
  const cacheFile = () => path.join(project.root, ".kiln/incremental.json");

  async function build(): Promise<string> {
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    return result.stdout + result.stderr;
  }

  async function assertSameAsCold(): Promise<void> {
    assert.deepEqual(await project.snapshot(), await coldSnapshot(project.root));
  }

  beforeEach(async () => {
    project = await copyProject(path.join(REPO, "examples/blog"));
    await prepareForReuse(project.root);
    const first = await build();
    PAGES = Number(/Built (\d+) pages/.exec(first)?.[1]);
    assert.ok(PAGES > 10, first);
    assert.equal(unchangedCount(first), 0, "a first build has nothing to reuse");
  });
  afterEach(() => project.cleanup());

  it("renders nothing and rewrites no page when nothing changed", async () => {
    const before = await inodes(project.outDir);
    const snapshot = await project.snapshot();
    const output = await build();
    assert.equal(unchangedCount(output), PAGES);
    const pages = rewritten(before, await inodes(project.outDir)).filter((f) =>
      f.endsWith(".html"),
    );
    assert.deepEqual(pages, []);
    assert.deepEqual(await project.snapshot(), snapshot);
  });

  it("copies a changed public file, and removes a file put in the output by hand", async () => {
    await writeFile(path.join(project.root, "public/robots.txt"), "User-agent: *\nDisallow: /x\n");
    await writeFile(path.join(project.outDir, "stray.html"), "not from the sources");
    const output = await build();
    assert.equal(unchangedCount(output), PAGES);
    assert.equal(await project.read("robots.txt"), "User-agent: *\nDisallow: /x\n");
    assert.ok(!(await project.files()).includes("stray.html"));
    await assertSameAsCold();
    await writeFile(path.join(project.outDir, "stray.html"), "again");
    await build();
    assert.ok(!(await project.files()).includes("stray.html"));
  });

  it("re-renders a post and the pages that list posts when one post changes", async () => {
    const before = await inodes(project.outDir);
    const post = src("content/posts/hello-kiln.md");
    await writeFile(post, (await readFile(post, "utf8")) + "\nOne more line.\n");
    const output = await build();
    const changed = rewritten(before, await inodes(project.outDir)).filter((f) =>
      f.endsWith(".html"),
    );
    assert.ok(changed.includes("posts/hello-kiln/index.html"), changed.join(", "));
    assert.ok(
      !changed.includes("posts/content-apis/index.html"),
      "an unrelated post was rewritten",
    );
    assert.ok(!changed.includes("about/index.html"), "a page reading no post was rewritten");
    assert.equal(unchangedCount(output), PAGES - changed.length);
    assert.match(await project.read("posts/hello-kiln/index.html"), /One more line/);
    await assertSameAsCold();
  });

  it("re-renders exactly the pages of a layout when the layout changes", async () => {
    const before = await inodes(project.outDir);
    const layout = src("layouts/Doc.tsx");
    await writeFile(
      layout,
      (await readFile(layout, "utf8")).replace('class="prose"', 'class="prose doc"'),
    );
    await build();
    const changed = rewritten(before, await inodes(project.outDir)).filter((f) =>
      f.endsWith(".html"),
    );
    // The markdown pages: those in the Doc layout. The glossary page has its own markup.
    assert.deepEqual(changed.sort(), [
      "about/index.html",
      "docs/deploying-and-hosting/index.html",
      "docs/deploying-to-render/index.html",
      "docs/how-to/previews-deploys-hosting/deploying-to-netlify/index.html",
      "docs/how-to/previews-deploys-hosting/deploying-to-s3-cloudfront/index.html",
      "docs/how-to/sourcing-data/headless-cms/index.html",
      "docs/how-to/sourcing-data/sourcing-from-hosted-services/index.html",
      "docs/what-is-jamstack/index.html",
    ]);
    await assertSameAsCold();
  });

  it("removes the pages of a deleted source, and follows a rename", async () => {
    await rm(src("content/posts/content-apis.md"));
    await rename(src("content/posts/zero-javascript.md"), src("content/posts/no-javascript.md"));
    await build();
    const files = await project.files();
    assert.ok(!files.includes("posts/content-apis/index.html"));
    assert.ok(!files.includes("posts/zero-javascript/index.html"));
    assert.ok(files.includes("posts/no-javascript/index.html"));
    await assertSameAsCold();
  });

  it("renders every page again when the config changes", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    await writeFile(
      config,
      (await readFile(config, "utf8")).replace('lang: "en"', 'lang: "en-GB"'),
    );
    const output = await build();
    assert.equal(unchangedCount(output), 0);
    assert.match(await project.read("about/index.html"), /<html lang="en-GB">/);
    await assertSameAsCold();
  });

  it("renders every page again when the cache was made by another Kiln or config", async () => {
    const text = await readFile(cacheFile(), "utf8");
    const body = JSON.parse(text.slice(text.indexOf("\n") + 1));
    body.scope = "0".repeat(64);
    const json = JSON.stringify(body) + "\n";
    await writeFile(cacheFile(), `${sha256Hex(json)}\n${json}`);
    const output = await build();
    assert.equal(unchangedCount(output), 0);
    assert.doesNotMatch(output, /warning/);
  });

  for (const [name, damage] of [
    ["truncated", (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ["garbage", () => "\u0000\u0001not a cache at all"],
    ["empty", () => ""],
    ["edited", (text: string) => text.replace(/"size":\d+/, '"size":1')],
    [
      "well-formed but the wrong shape",
      () => {
        const body = '{"format":3,"routes":[]}\n';
        return `${sha256Hex(body)}\n${body}`;
      },
    ],
  ] as const) {
    it(`ignores a ${name} cache with a warning and builds the same site`, async () => {
      await writeFile(cacheFile(), damage(await readFile(cacheFile(), "utf8")));
      const output = await build();
      if (name !== "empty")
        assert.match(output, /warning: The incremental build cache .* is damaged/);
      assert.equal(unchangedCount(output), 0);
      await assertSameAsCold();
      // The next build trusts the cache it just wrote again.
      assert.equal(unchangedCount(await build()), PAGES);
    });
  }

  it("re-renders an output file edited by hand, and a deleted .kiln changes nothing", async () => {
    const file = path.join(project.outDir, "about/index.html");
    await writeFile(file, (await readFile(file, "utf8")).replace("<h1>", "<h1>tampered "));
    assert.equal(unchangedCount(await build()), PAGES - 1);
    await assertSameAsCold();
    await rm(path.join(project.root, ".kiln"), { recursive: true });
    assert.equal(unchangedCount(await build()), 0);
    await assertSameAsCold();
  });
});

describe("incremental builds of a site with markdown images", () => {
  // Page reuse with markdown images is not settled (see prepareForReuse); the output must be
  // right whatever is reused.
  it("equal a cold build after an edit", async () => {
    const project = await copyProject(path.join(REPO, "examples/blog"));
    try {
      assert.equal((await project.build()).code, 0);
      const post = path.join(project.root, "src/content/posts/hello-kiln.md");
      await writeFile(
        post,
        (await readFile(post, "utf8")).replace("folder of HTML files", "folder of files"),
      );
      const warm = await project.build();
      assert.equal(warm.code, 0, warm.stderr);
      assert.deepEqual(await project.snapshot(), await coldSnapshot(project.root));
    } finally {
      await project.cleanup();
    }
  });
});

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
