import assert from "node:assert/strict";
import { rm, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { h } from "preact";
import { renderPage } from "../../src/render/render-page.js";
import { Head } from "../../src/render/head.js";
import { KilnError } from "../../src/errors/index.js";
import { copyProject } from "../helpers/build-fixture.js";
import { startDev } from "../dev/dev-process.js";

const site = { title: "T", lang: "en" };
const render = (component: () => ReturnType<typeof h>) =>
  renderPage({
    url: "/",
    file: "/p/src/pages/index.tsx",
    page: "index.tsx",
    component,
    props: {},
    site,
  });

describe("<html> and <body> attributes through <Head>", () => {
  it("merges a layout's and a page's: classes add up, other attributes the later wins", () => {
    const html = render(() =>
      h("div", null, [
        h(Head, null, [
          h("html", { "data-theme": "light", lang: "fr" }),
          h("body", { class: "site", "data-x": 1 }),
        ]),
        h(Head, null, [
          h("html", { "data-theme": "dark" }),
          h("body", { className: "home", hidden: false, "data-root": false }),
        ]),
      ]),
    );
    assert.match(html, /\n<html lang="fr" data-theme="dark">\n/);
    assert.match(html, /\n<body class="site home" data-x="1" data-root="false">\n/);
    assert.doesNotMatch(html, /<head>[\s\S]*<(html|body) [\s\S]*<\/head>/);
  });

  it("refuses an event handler, at the page's file", () => {
    assert.throws(
      () => render(() => h(Head, null, h("body", { onload: "alert(1)" }))),
      (error: unknown) =>
        KilnError.is(error) &&
        error.code === "KILN_ROOT_ATTRIBUTE" &&
        error.location?.file === "/p/src/pages/index.tsx",
    );
  });

  it("writes the same bytes with render workers, on the main thread and in kiln dev", async () => {
    const project = await copyProject("migrated-gatsby");
    try {
      await symlink("../../content/blog", path.join(project.root, "src/content/blog"));
      const main = await project.build("--workers", "0");
      assert.equal(main.code, 0, main.stderr);
      const onMain = await project.snapshot();
      // Without its cache the second build renders every page again, in two workers.
      await rm(path.join(project.root, ".kiln"), { recursive: true, force: true });
      const pooled = await project.build("--workers", "2");
      assert.equal(pooled.code, 0, pooled.stderr);
      const inWorkers = await project.snapshot();
      const pages = ["index.html", "blog/hello-world/index.html", "about/index.html"];
      for (const page of pages)
        assert.equal(inWorkers.get(page)?.toString(), onMain.get(page)?.toString(), page);
      const home = onMain.get("index.html")!.toString();
      assert.match(home, /<html lang="en" data-theme="light">/);
      assert.match(home, /<body class="global-wrapper home" data-is-root-path="true">/);
      assert.match(
        onMain.get("blog/hello-world/index.html")!.toString(),
        /<body class="global-wrapper post" data-is-root-path="false" data-post="hello-world">/,
      );
      assert.match(onMain.get("about/index.html")!.toString(), /<body class="prose">/);
      const dev = await startDev(project.root);
      try {
        for (const url of ["/", "/about/"]) {
          const response = await fetch(`${dev.url.replace(/\/$/, "")}${url}`);
          const served = await response.text();
          const file = url === "/" ? "index.html" : "about/index.html";
          const tags = (html: string) => html.match(/<html[^>]*>|<body[^>]*>/g);
          assert.deepEqual(tags(served), tags(onMain.get(file)!.toString()), url);
        }
      } finally {
        await dev.stop();
      }
    } finally {
      await project.cleanup();
    }
  });
});
