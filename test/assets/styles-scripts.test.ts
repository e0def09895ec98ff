import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";

describe("client scripts and page styles", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("styles-scripts");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  it("bundles a page's CSS, its components' CSS modules included, minified and hashed", async () => {
    const page = await project.html("index.html");
    const links = page.querySelectorAll('link[rel="stylesheet"]');
    assert.equal(links.length, 1);
    const href = links[0]!.getAttribute("href")!;
    assert.match(href, /^\/_kiln\/style-[0-9a-f]{10}\.css$/);
    const css = await project.read(href.slice(1));
    assert.doesNotMatch(css, /\n|comment/, "not minified");
    assert.match(css, /body\{margin:0;font-family:system-ui,sans-serif\}/);
    const scoped = page.querySelector("h2")!.getAttribute("class")!;
    assert.notEqual(scoped, "title", "the CSS module's class was not scoped");
    assert.ok(css.includes(`.${scoped}{`), `${scoped} is not in ${css}`);
    assert.doesNotMatch(css, /(^|\})\.title\{/);
  });

  it("gives a page that imports no CSS no stylesheet, and a plain page nothing", async () => {
    assert.doesNotMatch(await project.read("second/index.html"), /rel="stylesheet"|<style/);
    assert.doesNotMatch(await project.read("plain/index.html"), /<script|<link|<style/);
  });

  it("loads each client script once, as a module, with shared code in a shared chunk", async () => {
    const page = await project.html("index.html");
    const sources = page.querySelectorAll("script").map((s) => s.getAttribute("src")!);
    assert.equal(sources.length, 2, "a script used twice is loaded once");
    for (const script of page.querySelectorAll("script"))
      assert.equal(script.getAttribute("type"), "module");
    assert.ok(sources.some((s) => /^\/_kiln\/script-hello-[A-Z0-9]{8}\.js$/.test(s)));
    assert.ok(sources.some((s) => /^\/_kiln\/script-other-[A-Z0-9]{8}\.js$/.test(s)));
    const hello = await project.read(sources.find((s) => s.includes("hello"))!.slice(1));
    const other = await project.read(sources.find((s) => s.includes("other"))!.slice(1));
    const chunk = /chunk-[A-Z0-9]{8}\.js/.exec(hello)?.[0];
    assert.ok(chunk && other.includes(chunk), "the two scripts share no chunk");
    const preloads = page
      .querySelectorAll('link[rel="modulepreload"]')
      .map((l) => l.getAttribute("href"));
    assert.deepEqual(preloads, [`/_kiln/${chunk}`]);
    const second = await project.html("second/index.html");
    assert.equal(second.querySelectorAll("script").length, 1);
  });

  it("inlines stylesheets under the configured size, and adds speculation rules when asked", async () => {
    const variant = await copyProject("styles-scripts");
    try {
      await writeFile(
        path.join(variant.root, "kiln.config.ts"),
        `export default { assets: { inlineStyles: 4096, prefetch: "moderate" } };\n`,
      );
      const result = await variant.build();
      assert.equal(result.code, 0, result.stderr);
      const page = await variant.html("index.html");
      assert.equal(page.querySelectorAll('link[rel="stylesheet"]').length, 0);
      assert.match(page.querySelector("style")!.text, /body\{margin:0/);
      assert.ok(!(await variant.files()).some((f) => f.endsWith(".css")));
      const plain = await variant.html("plain/index.html");
      const rules = plain.querySelectorAll("script");
      assert.equal(rules.length, 1);
      assert.equal(rules[0]!.getAttribute("type"), "speculationrules");
      const json = JSON.parse(rules[0]!.text);
      assert.equal(json.prefetch[0].eagerness, "moderate");
      assert.equal(json.prefetch[0].source, "document");
    } finally {
      await variant.cleanup();
    }
  });

  it("has no speculation rules by default", async () => {
    assert.doesNotMatch(await project.read("index.html"), /speculationrules/);
  });

  it("reports a <Script> whose src was not imported with ?client", async () => {
    const broken = await copyProject("styles-scripts");
    try {
      await writeFile(
        path.join(broken.root, "src/pages/plain.tsx"),
        `import { Script } from "kiln-ssg";\nexport default function Plain() {\n  return <Script src="/scripts/hello.js" />;\n}\n`,
      );
      const result = await broken.build();
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_SCRIPT_UNBUNDLED/);
      assert.match(result.stderr, /plain\.tsx/);
    } finally {
      await broken.cleanup();
    }
  });
});
