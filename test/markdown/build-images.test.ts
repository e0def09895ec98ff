import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { FIXTURES, copyProject, type Project } from "../helpers/build-fixture.js";
import { assertPictureSources } from "../helpers/picture.js";

const hashOf = async (file: string) =>
  createHash("sha256")
    .update(await readFile(path.join(FIXTURES, file)))
    .digest("hex")
    .slice(0, 10);

describe("images next to markdown files", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("markdown-images");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  it("become the <picture> of <Image>: AVIF and WebP sources, srcset widths, a fallback", async () => {
    const post = await project.html("posts/hello/index.html");
    const pictures = post.querySelectorAll("picture");
    assert.equal(pictures.length, 2);
    const photo = pictures[1]!;
    // The configured widths below the source's own, and its own.
    await assertPictureSources(photo, project.outDir, {
      name: "photo",
      widths: [200, 400, 800],
      fallback: "jpg",
      sizes: "100vw",
    });
    const img = photo.querySelector("img")!;
    assert.equal(img.getAttribute("alt"), "A photo of a field");
    assert.equal(img.getAttribute("width"), "800");
    assert.equal(img.getAttribute("height"), "533");
    assert.equal(img.getAttribute("loading"), "lazy");
    assert.equal(img.getAttribute("decoding"), "async");
    assert.match(img.getAttribute("src")!, /^\/_kiln\/img\/photo-800w-[0-9a-f]{8}\.jpg$/);
    assert.match(
      img.getAttribute("style")!,
      /background:url\(data:image\/webp;base64,[A-Za-z0-9+/=]+\)/,
    );
    // A PNG with transparency keeps a PNG fallback, at its own width only.
    const diagram = pictures[0]!.querySelector("img")!;
    assert.equal(diagram.getAttribute("alt"), "other");
    assert.equal(diagram.getAttribute("width"), "120");
    assert.equal(diagram.getAttribute("height"), "80");
    assert.match(
      diagram.getAttribute("srcset")!,
      /^\/_kiln\/img\/diagram-120w-[0-9a-f]{8}\.png 120w$/,
    );
  });

  it("keeps the title, and leaves remote, public and vector images as images", async () => {
    const guide = await project.html("guide/index.html");
    const picture = guide.querySelector("picture")!;
    const img = picture.querySelector("img")!;
    assert.equal(img.getAttribute("alt"), "A diagram");
    assert.equal(img.getAttribute("title"), "The diagram");
    assert.equal(img.getAttribute("width"), "300");
    assert.match(
      img.getAttribute("srcset")!,
      /diagram-200w-[0-9a-f]{8}\.png 200w, \S+diagram-300w-/,
    );
    const svgHash = await hashOf("markdown-images/src/pages/guide/img/icon.svg");
    const plain = guide
      .querySelectorAll("img")
      .filter((i) => i.parentNode !== picture)
      .map((i) => i.getAttribute("src"));
    assert.deepEqual(plain, [
      "https://example.com/x.png",
      "/logo.png",
      `/_kiln/assets/icon-${svgHash}.svg`,
    ]);
    assert.deepEqual(
      await readFile(path.join(project.outDir, `_kiln/assets/icon-${svgHash}.svg`)),
      await readFile(path.join(FIXTURES, "markdown-images/src/pages/guide/img/icon.svg")),
    );
  });

  it("writes every file the markup names, and no other", async () => {
    const named = new Set<string>();
    for (const page of ["posts/hello/index.html", "guide/index.html"]) {
      for (const element of (await project.html(page)).querySelectorAll("source, img")) {
        for (const c of (element.getAttribute("srcset") ?? "").split(", ").filter(Boolean))
          named.add(c.split(" ")[0]!.slice(1));
      }
    }
    const written = (await project.files()).filter((f) => f.startsWith("_kiln/img/"));
    assert.deepEqual(written.sort(), [...named].sort());
    // photo: 3 widths × 3 formats; two diagrams: (1 + 2 widths) × 3 formats.
    assert.equal(written.length, 9 + 9);
  });

  it("encodes nothing on a warm build: the cache under .kiln/images is reused", async () => {
    const cacheRoot = path.join(project.root, ".kiln/images");
    const entries = (await readdir(cacheRoot)).filter((name) => !name.startsWith("."));
    assert.equal(entries.length, 3, "one cache entry per source image");
    const stamps = async () =>
      Promise.all(
        entries.map(async (e) => (await stat(path.join(cacheRoot, e, "image.json"))).mtimeMs),
      );
    const before = await stamps();
    const cold = await project.read("posts/hello/index.html");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(await stamps(), before, "no cache entry was written again");
    assert.equal(await project.read("posts/hello/index.html"), cold, "same markup, byte for byte");
  });
});

describe("an image that cannot be published", () => {
  for (const [fixture, code, problem, at] of [
    [
      "markdown-image-missing",
      /KILN_MARKDOWN_IMAGE_INVALID/,
      /"\.\/nope\.png" does not exist/,
      /index\.md:3:15/,
    ],
    [
      "markdown-image-outside",
      /KILN_MARKDOWN_IMAGE_INVALID/,
      /is outside the project/,
      /index\.md:3:11/,
    ],
    ["markdown-image-alt", /KILN_IMAGE_ALT/, /"\.\/diagram\.png" has no alt text/, /index\.md:4:/],
  ] as const) {
    it(`fails the build with file:line:column (${fixture})`, async () => {
      const project = await copyProject(fixture);
      try {
        const result = await project.build();
        assert.equal(result.code, 1);
        assert.match(result.stderr, code);
        assert.match(result.stderr, problem);
        assert.match(result.stderr, at);
        assert.doesNotMatch(result.stderr, /at .+\.ts:\d+/, "no stack trace");
      } finally {
        await project.cleanup();
      }
    });
  }
});
