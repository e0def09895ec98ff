import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";
import { launchBrowser } from "../helpers/browser.js";
import { checkNginx, startNginx } from "../helpers/nginx.js";
import { startServer } from "../../src/serve/index.js";

/**
 * Paths in the server files Kiln writes come from page names and remote entry ids
 * (test/fixtures/hostile-paths): an id holding `{ } ;` and quotes, a page named `my post.md`.
 * A real nginx accepts the include and serves each page with its own policy; `_redirects`
 * and `_headers` keep one path per field.
 */
describe("paths in _headers.nginx.conf, _headers and _redirects", { timeout: 120_000 }, () => {
  let project: Project;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let stderr: string;
  const include = () => `include ${path.join(project.outDir, "_headers.nginx.conf")};`;
  before(async () => {
    project = await copyProject("hostile-paths");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
    stderr = result.stderr;
    nginx = await startNginx(project.outDir, include());
  });
  after(async () => {
    await nginx?.close();
    await project?.cleanup();
  });

  it("is an include nginx -t accepts, with one location per page and nothing else", async () => {
    const check = await checkNginx(project.outDir, include());
    assert.equal(check.code, 0, check.output);
    const conf = await project.read("_headers.nginx.conf");
    assert.doesNotMatch(conf, /^\s*return\b/m);
    assert.equal(conf.match(/^location /gm)?.length, 2 + 7);
    assert.match(conf, /^location = "\/notes\/quote\\" and 'single'\/index\.html" \{$/m);
  });

  for (const url of [
    "notes/a%20%7B%20return%20200%20pwned;%20%7D%20location%20=%20z/",
    "notes/quote%22%20and%20'single'/",
    "notes/semi;colon$dollar/",
    "my%20post/",
  ]) {
    it(`serves /${decodeURIComponent(url)} as its page, with its policy`, async () => {
      const response = await fetch(nginx.url + url, { redirect: "manual" });
      const body = await response.text();
      assert.equal(response.status, 200, body);
      assert.match(body, /^<!doctype html>/);
      assert.match(body, /<h1[ >]/);
      assert.match(response.headers.get("content-security-policy") ?? "", /default-src 'self'/);
      assert.equal(response.headers.get("x-frame-options"), "DENY");
    });
  }

  it("writes _redirects lines of three fields, which deploy reads back as paths", async () => {
    const lines = (await project.read("_redirects")).trim().split("\n");
    assert.deepEqual(lines, ["/my-old-post/ /my%20post/ 301"]);
  });

  it("writes _headers with one percent-encoded path per block", async () => {
    const paths = (await project.read("_headers"))
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith(" "));
    assert.ok(paths.includes("/my%20post/"), paths.join("\n"));
    assert.ok(paths.includes("/notes/a%20%7B%20return%20200%20pwned;%20%7D%20location%20=%20z/"));
    assert.ok(paths.every((p) => !/\s/.test(p)));
  });

  it("allows the project's inline code and blocks content's, naming the page", async () => {
    assert.match(
      stderr,
      /warning: \[kiln:security-headers\] src\/pages\/raw\.md \(\/raw\/\) has inline <script>, style= in its content/,
    );
    const headers = await project.read("_headers");
    const policy = (url: string) =>
      new RegExp(`^${url}\n  Content-Security-Policy: (.*)$`, "m").exec(headers)?.[1];
    assert.match(policy("/raw/") ?? "", /script-src 'self'; style-src 'self';/);
    assert.match(policy("/") ?? "", /script-src 'self' 'sha256-/);
    const chromium = await launchBrowser();
    try {
      const ran = async (url: string) => {
        const page = await chromium.context.newPage();
        await page.goto(nginx.url + url, { waitUntil: "load", timeout: 10_000 });
        const data = await page.evaluate(() => ({ ...document.body.dataset }));
        const color = await page.evaluate(
          () => getComputedStyle(document.querySelector("h1, p[style]")!).color,
        );
        await page.close();
        return { data, color };
      };
      assert.deepEqual(await ran(""), { data: { own: "ran" }, color: "rgb(0, 128, 0)" });
      const raw = await ran("raw/");
      assert.deepEqual(raw.data, {});
    } finally {
      await chromium.close();
    }
  });

  it("serves SVGs, public or from markdown, where their script does not run (nginx, kiln serve)", async () => {
    const svg = /<img src="\/(_kiln\/assets\/diagram-[0-9a-f]+\.svg)"/.exec(
      await project.read("raw/index.html"),
    )?.[1];
    assert.ok(svg);
    for (const file of ["evil.svg", svg]) {
      const published = await project.read(file);
      assert.match(published, /<rect width="10" height="10" fill="red"\/>/);
      assert.doesNotMatch(published, /<script|onload/, file);
    }
    const serve = await startServer({ root: project.outDir, port: 0 });
    const chromium = await launchBrowser();
    try {
      for (const host of [nginx.url, serve.url]) {
        for (const file of ["evil.svg", svg]) {
          const response: Response = await fetch(`${host}${file}`);
          assert.equal(response.status, 200);
          assert.match(
            response.headers.get("content-security-policy") ?? "",
            /default-src 'none'.*; sandbox$/,
          );
          const page = await chromium.context.newPage();
          await page.goto(host + file, { waitUntil: "load", timeout: 10_000 });
          const ran = await page.evaluate(() =>
            ["data-onload", "data-script"].filter((a) => document.documentElement.hasAttribute(a)),
          );
          await page.close();
          assert.deepEqual(ran, [], `${host}${file}`);
        }
      }
    } finally {
      await chromium.close();
      await serve.close();
    }
  });
});
