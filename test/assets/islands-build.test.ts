import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";

describe("islands in a built site", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("islands");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  it("gives a page without islands no script and no preload", async () => {
    const html = await project.read("plain/index.html");
    assert.doesNotMatch(html, /<script|modulepreload|kiln-island/);
  });

  it("writes minified ES modules with content-hashed names under /_kiln/", async () => {
    const files = (await project.files()).filter((f) => f.startsWith("_kiln/"));
    assert.ok(files.length >= 4, files.join(", "));
    for (const file of files) {
      assert.match(file, /^_kiln\/(islands|island-(Echo|Clicker|Filter)|chunk)-[A-Z0-9]{8}\.js$/);
      const code = await project.read(file);
      assert.ok(code.split("\n").length <= 3, `${file} is not minified`);
    }
  });

  it("ships each island's code in its own file, and Preact once in a shared chunk", async () => {
    const files = await project.files();
    const echo = await project.read(files.find((f) => f.includes("island-Echo"))!);
    const clicker = await project.read(files.find((f) => f.includes("island-Clicker"))!);
    assert.match(echo, /hydrated/);
    assert.doesNotMatch(clicker, /hydrated/);
    assert.match(clicker, /Clicks/);
    assert.doesNotMatch(echo, /Clicks/);
    const chunksOf = (code: string) => new Set(code.match(/chunk-[A-Z0-9]{8}\.js/g));
    const shared = [...chunksOf(echo)].filter((chunk) => chunksOf(clicker).has(chunk));
    assert.ok(shared.length > 0, "the islands share no chunk");
  });

  it("preloads what a page starts at once, and loads the runtime as a module", async () => {
    const page = await project.html("index.html");
    const scripts = page.querySelectorAll("script");
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]!.getAttribute("type"), "module");
    assert.match(scripts[0]!.getAttribute("src")!, /^\/_kiln\/islands-[A-Z0-9]{8}\.js$/);
    const preloads = page
      .querySelectorAll('link[rel="modulepreload"]')
      .map((l) => l.getAttribute("href")!);
    assert.ok(
      preloads.some((href) => href.includes("island-Echo")),
      "eager island not preloaded",
    );
    assert.ok(!preloads.some((href) => href.includes("island-Clicker")), "idle island preloaded");
    const files = await project.files();
    for (const href of preloads) assert.ok(files.includes(href.slice(1)), `${href} missing`);
  });

  it("gives the same bytes wherever the project is", async () => {
    const elsewhere = await copyProject("islands");
    try {
      assert.equal((await elsewhere.build()).code, 0);
      assert.deepEqual(await elsewhere.snapshot(), await project.snapshot());
    } finally {
      await elsewhere.cleanup();
    }
  });
});

describe("island mistakes", () => {
  it("reports an island that imports a Node module, and keeps the previous output", async () => {
    const project = await copyProject("islands");
    try {
      assert.equal((await project.build()).code, 0);
      const before = await project.snapshot();
      const island = path.join(project.root, "src/islands/Clicker.tsx");
      await writeFile(
        island,
        `import { readFileSync } from "node:fs";\nexport default function Clicker() {\n  return <p>{String(readFileSync)}</p>;\n}\n`,
      );
      const result = await project.build();
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_CLIENT_BUNDLE/);
      assert.match(result.stderr, /Clicker\.tsx:1:/);
      assert.doesNotMatch(result.stderr, /\(\S+:\d+:\d+\)/, "a stack trace without --debug");
      assert.deepEqual(await project.snapshot(), before);
    } finally {
      await project.cleanup();
    }
  });

  it("reports a function passed as an island prop, naming the island and the prop", async () => {
    const project = await copyProject("islands");
    try {
      await writeFile(
        path.join(project.root, "src/pages/plain.tsx"),
        `import Clicker from "../islands/Clicker";\nexport default function Plain() {\n  return <Clicker start={() => 1} />;\n}\n`,
      );
      const result = await project.build();
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_ISLAND_PROPS/);
      assert.match(result.stderr, /Clicker got function in props\.start/);
      assert.match(result.stderr, /plain\.tsx/);
    } finally {
      await project.cleanup();
    }
  });
});
