import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import { copyProject, runKiln, type Project } from "../helpers/build-fixture.js";
import { expectBuildError } from "../helpers/expect-build-error.js";

describe("plugins: sources, the route table and extra output files, on one API with the built-ins", () => {
  let project: Project;
  beforeEach(async () => {
    project = await copyProject("plugins");
  });
  afterEach(() => project.cleanup());

  it("a plugin's source makes pages; its output file lists every route; its logger names it", async () => {
    const result = await runKiln(["build", project.root], { env: { KILN_TEST_PLUGIN_LOG: "1" } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout + result.stderr, /\[notes\] 5 routes/);
    assert.match(await project.read("notes/hello/index.html"), /<h1>Hello note<\/h1>/);
    assert.match(
      await project.read("notes/hello/index.html"),
      /<body data-page="\/notes\/hello\/">/,
    );
    assert.equal(
      await project.read("humans.txt"),
      "/404.html\n/\n/notes/hello/\n/posts/first/\n/posts/hidden/\n",
    );
  });

  it("sitemap.xml: indexable pages only, absolute URLs, lastmod from entry data; robots.txt names it", async () => {
    assert.equal((await project.build()).code, 0);
    const sitemap = await project.read("sitemap.xml");
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    assert.deepEqual(locs, [
      "https://example.org/",
      "https://example.org/notes/hello/",
      "https://example.org/posts/first/",
    ]);
    assert.match(
      sitemap,
      /<loc>https:\/\/example.org\/notes\/hello\/<\/loc><lastmod>2026-03-04T05:06:07.000Z<\/lastmod>/,
    );
    assert.match(sitemap, /<loc>https:\/\/example.org\/posts\/first\/<\/loc><lastmod>2026-01-02T/);
    assert.equal(
      await project.read("robots.txt"),
      "User-agent: *\nDisallow: /private/\n\nSitemap: https://example.org/sitemap.xml\n",
    );
  });

  it("a public/robots.txt wins over the built-in one; a plugin writing a taken file is an error", async () => {
    await mkdir(path.join(project.root, "public"), { recursive: true });
    await writeFile(path.join(project.root, "public/robots.txt"), "User-agent: *\n");
    assert.equal((await project.build()).code, 0);
    assert.equal(await project.read("robots.txt"), "User-agent: *\n");
    await expectBuildError(
      project,
      async () => writeFile(path.join(project.root, "public/humans.txt"), "me\n"),
      { code: "KILN_PLUGIN_OUTPUT_CONFLICT", message: /"notes" writes humans.txt/ },
    );
  });

  it("a plugin that throws fails the build with its name and hook; the previous output stays", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    const text = await readFile(config, "utf8");
    await expectBuildError(
      project,
      () => writeFile(config, text.replace('process.env["KILN_TEST_PLUGIN_FAIL"]', "true")),
      {
        code: "KILN_PLUGIN_FAILED",
        message: /The plugin "notes" failed in kiln:output: the notes service is down/,
      },
    );
  });
});

describe("kiln:page: a plugin's transform of each page, wherever it renders", () => {
  it("names the plugin, the hook and the page when it throws, on workers too", async () => {
    const project = await copyProject("plugins");
    try {
      const result = await runKiln(["build", project.root, "--workers", "2"], {
        env: { KILN_TEST_PAGE_FAIL: "1" },
      });
      assert.equal(result.code, 1);
      assert.match(
        result.stderr,
        /KILN_PLUGIN_FAILED: The plugin "notes" failed in kiln:page \(\/posts\/first\/\): cannot mark this page/,
      );
      assert.deepEqual(await project.files().catch(() => []), []);
    } finally {
      await project.cleanup();
    }
  });
});

describe("redirects: the config's and pages' aliases, as _redirects and pages; a redirect from a page's URL is an error", () => {
  let project: Project;
  beforeEach(async () => {
    project = await copyProject("plugins");
  });
  afterEach(() => project.cleanup());

  it("writes _redirects and a meta-refresh page at each old URL, from the config and front matter", async () => {
    await writeFile(
      path.join(project.root, "src/pages/about.md"),
      '---\ntitle: About\naliases: ["/about-us", "/team.html"]\n---\n\nAbout.\n',
    );
    assert.equal((await project.build()).code, 0);
    assert.equal(
      await project.read("_redirects"),
      "/old/ /posts/first/ 301\n/about-us /about/ 301\n/team.html /about/ 301\n/2026/first/ /posts/first/ 301\n",
    );
    const page = await project.read("2026/first/index.html");
    assert.match(page, /<meta http-equiv="refresh" content="0; url=\/posts\/first\/">/);
    assert.match(page, /<link rel="canonical" href="https:\/\/example.org\/posts\/first\/">/);
    assert.match(page, /<meta name="robots" content="noindex">/);
    assert.match(await project.read("about-us/index.html"), /url=\/about\//);
    assert.match(await project.read("team.html"), /url=\/about\//);
    assert.match(await project.read("old/index.html"), /url=\/posts\/first\//);
    const locs = [...(await project.read("sitemap.xml")).matchAll(/<loc>([^<]*)<\/loc>/g)];
    assert.deepEqual(
      locs.map((m) => m[1]!.replace("https://example.org", "")),
      ["/about/", "/", "/notes/hello/", "/posts/first/"],
    );
  });

  it("lists every redirect or alias that cannot be served, at once", async () => {
    const config = path.join(project.root, "kiln.config.ts");
    const text = await readFile(config, "utf8");
    const stderr = await expectBuildError(
      project,
      async () => {
        await writeFile(
          path.join(project.root, "src/pages/about.md"),
          '---\ntitle: About\naliases: ["/posts/first/", "not a path"]\n---\n\nAbout.\n',
        );
        await mkdir(path.join(project.root, "public"), { recursive: true });
        await writeFile(path.join(project.root, "public/gone.html"), "<p>gone</p>");
        await writeFile(
          config,
          text.replace(
            '{ from: "/old/", to: "/posts/first/" }',
            '{ from: "/old/", to: "/" }, { from: "/posts/first", to: "/" }, { from: "/notes/hello/index.html", to: "/" }, { from: "/gone.html", to: "/" }, { from: "/2026/first/", to: "/elsewhere/" }',
          ),
        );
      },
      { code: "KILN_REDIRECT_CONFLICT" },
    );
    for (const problem of [
      "/posts/first (kiln.config.ts) is the page src/pages/posts/[slug].tsx",
      "/notes/hello/index.html (kiln.config.ts) is the page src/pages/notes/[id].tsx",
      "/gone.html (kiln.config.ts) is the file gone.html",
      "/2026/first/ leads to /elsewhere/ (kiln.config.ts) and to /posts/first/ (src/pages/posts/[slug].tsx)",
      'src/pages/about.md (/about/): aliases must be site paths such as "/old-url/"',
    ])
      assert.ok(stderr.includes(problem), `${problem}\n${stderr}`);
    assert.doesNotMatch(stderr, /\/old\/ \(/);
  });
});
