import assert from "node:assert/strict";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";
import { assertPictureSources } from "../helpers/picture.js";

describe("responsive images", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("images");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  it("puts AVIF and WebP sources and a JPEG fallback in a <picture>, at each width", async () => {
    const picture = (await project.html("index.html")).querySelector("picture")!;
    // 200w and 400w from the config, and the source's own 800w.
    await assertPictureSources(picture, project.outDir, {
      name: "photo",
      widths: [200, 400, 800],
      fallback: "jpg",
      sizes: "400px",
    });
  });

  it("sets width and height, and loads lazily and asynchronously unless eager", async () => {
    const imgs = (await project.html("index.html")).querySelectorAll("img");
    for (const img of imgs.slice(0, 2)) {
      assert.equal(img.getAttribute("width"), "800");
      assert.equal(img.getAttribute("height"), "533");
    }
    assert.equal(imgs[0]!.getAttribute("loading"), "eager");
    assert.equal(imgs[0]!.getAttribute("fetchpriority"), "high");
    assert.equal(imgs[1]!.getAttribute("loading"), "lazy");
    assert.equal(imgs[1]!.getAttribute("decoding"), "async");
    assert.equal(imgs[1]!.getAttribute("sizes"), "100vw");
    assert.match(
      imgs[1]!.getAttribute("style")!,
      /background:url\(data:image\/webp;base64,[A-Za-z0-9+/=]+\)/,
    );
  });

  it("keeps a PNG with transparency as PNG, and an empty alt as decorative", async () => {
    const badge = (await project.html("index.html")).querySelectorAll("img")[2]!;
    assert.match(badge.getAttribute("src")!, /\/badge-400w-[0-9a-f]{8}\.png$/);
    assert.equal(badge.getAttribute("alt"), "");
  });

  it("writes nothing for a page without images, and each file once", async () => {
    assert.doesNotMatch(await project.read("plain/index.html"), /<img|<picture/);
    const images = (await project.files()).filter((f) => f.startsWith("_kiln/img/"));
    assert.equal(images.length, 3 * 3 + 2 * 3, "photo: 3 widths × 3 formats; badge: 2 × 3");
  });

  it("encodes nothing on a warm build: the cache's files are used as they are", async () => {
    const cacheRoot = path.join(project.root, ".kiln/images");
    const [entry] = (await readdir(cacheRoot)).filter((name) => !name.startsWith("."));
    const files = await readdir(path.join(cacheRoot, entry!));
    const webp = files.find((name) => name.endsWith(".webp"))!;
    await writeFile(path.join(cacheRoot, entry!, webp), "from the cache");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    const outputs = (await project.files()).filter((f) => f.endsWith(webp));
    assert.equal(outputs.length, 1);
    assert.equal(await project.read(outputs[0]!), "from the cache");
  });
});

describe("image mistakes", () => {
  async function buildWith(page: string, config?: string) {
    const project = await copyProject("images");
    await writeFile(path.join(project.root, "src/pages/index.tsx"), page);
    if (config) await writeFile(path.join(project.root, "kiln.config.ts"), config);
    const result = await project.build();
    await project.cleanup();
    return result;
  }
  const page = (attributes: string) =>
    `import { Image } from "kiln-ssg";\nimport photo from "../images/photo.jpg";\nexport default function Home() {\n  return <Image src={photo} ${attributes} />;\n}\n`;

  it("refuses an image without alt text, naming the image and the page", async () => {
    const result = await buildWith(page(`sizes="10px"`));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_IMAGE_ALT/);
    assert.match(result.stderr, /src\/images\/photo\.jpg/);
    assert.match(result.stderr, /index\.tsx/);
  });

  it("refuses a source file over the size limit", async () => {
    const result = await buildWith(
      page(`alt="x"`),
      `export default { assets: { images: { maxBytes: 1000 } } };\n`,
    );
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_IMAGE_TOO_LARGE/);
    assert.match(result.stderr, /photo\.jpg is \d+ bytes; the limit is 1000 bytes/);
  });

  it("refuses a source over the pixel limit before decoding it", async () => {
    const result = await buildWith(
      page(`alt="x"`),
      `export default { assets: { images: { maxPixels: 10000 } } };\n`,
    );
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_IMAGE_TOO_LARGE/);
    assert.match(result.stderr, /photo\.jpg is 800×533 pixels; the limit is 10000 pixels/);
  });

  it("reports a file that is not an image", async () => {
    const project = await copyProject("images");
    try {
      await writeFile(path.join(project.root, "src/images/photo.jpg"), "not a jpeg at all");
      const result = await project.build();
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_IMAGE_UNREADABLE/);
      assert.match(result.stderr, /photo\.jpg/);
    } finally {
      await project.cleanup();
    }
  });
});
