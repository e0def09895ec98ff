import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { appendFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { KILN_BIN, REPO, copyProject, runKiln, type Project } from "../helpers/build-fixture.js";
import { launchBrowser } from "../helpers/browser.js";
import {
  S3_ENV,
  configureBucket,
  startFaultProxy,
  startS3Server,
  type FaultProxy,
  type S3Server,
} from "../helpers/s3-server.js";

const BUCKET = "blog";

/**
 * examples/blog deployed to s3rver and read from the bucket's website endpoint in Chromium,
 * after a first deploy, after a deploy killed halfway through, and after the rerun: every
 * page the bucket holds loads, with every stylesheet, script and image it names.
 */
describe("examples/blog deployed to a bucket, served by its website endpoint", () => {
  let s3: S3Server;
  let proxy: FaultProxy;
  let project: Project;
  let chromium: Awaited<ReturnType<typeof launchBrowser>>;
  before(async () => {
    s3 = await startS3Server([BUCKET]);
    proxy = await startFaultProxy(s3.endpoint);
    project = await copyProject(path.join(REPO, "examples/blog"));
    await configureBucket(project.root, proxy.endpoint, { deploy: BUCKET });
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
    await proxy?.close();
    await s3?.close();
    await project?.cleanup();
  });

  /** Loads every HTML page in the bucket; returns the problems found (none is the goal). */
  async function brokenParts(): Promise<string[]> {
    const keys = (await s3.client(BUCKET).list("")).map((o) => o.key);
    const pages = keys.filter((k) => k.endsWith(".html"));
    const problems: string[] = [];
    const base = s3.websiteUrl(BUCKET);
    const page = await chromium.context.newPage();
    // ERR_ABORTED is Chromium cancelling a load in flight when the next goto() leaves the page
    // (a lazy image, under load): not the site's fault. Every asset a page names is fetched
    // and must answer 200 below, so a missing one is still found.
    page.on("requestfailed", (r) => {
      const reason = r.failure()?.errorText;
      if (reason !== "net::ERR_ABORTED") problems.push(`${r.url()} failed: ${reason}`);
    });
    page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("404.html"))
        problems.push(`${r.url()} → ${r.status()}`);
    });
    for (const key of pages) {
      const url = base + key.replace(/(^|\/)index\.html$/, "$1");
      await page.goto(url, { waitUntil: "load" });
      // Lazy images and srcset candidates the viewport did not load are checked too.
      const named = await page.evaluate(() =>
        Array.from(document.querySelectorAll("link[href], script[src], img, source")).flatMap(
          (el) => {
            const urls = [el.getAttribute("href"), el.getAttribute("src")];
            for (const srcset of [el.getAttribute("srcset")])
              if (srcset)
                urls.push(...srcset.split(",").map((c: string) => c.trim().split(/\s+/)[0]!));
            return urls.filter((u): u is string => !!u).map((u) => new URL(u, location.href).href);
          },
        ),
      );
      for (const target of new Set(named)) {
        if (!target.startsWith(base) || target.includes("#")) continue;
        const status = (await s3.fetchWebsite(BUCKET, new URL(target).pathname)).status;
        if (status !== 200) problems.push(`${url} names ${target} → ${status}`);
      }
    }
    await page.close();
    return problems;
  }

  it("serves the first deploy whole", async () => {
    assert.equal((await project.build()).code, 0);
    const result = await runKiln(["deploy", project.root], { env: S3_ENV });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(await brokenParts(), []);
    const missing = await s3.fetchWebsite(BUCKET, "/no/such/page/");
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /Page not found/);
  });

  it("finds a missing asset, and the next deploy puts back what was deleted by hand", async () => {
    const client = s3.client(BUCKET);
    const css = (await client.list("_kiln/")).find((o) => o.key.endsWith(".css"))!.key;
    await client.deleteMany([css]);
    const problems = await brokenParts();
    assert.ok(
      problems.some((p) => p.includes(css)),
      `the checker missed ${css}: ${problems.join("; ")}`,
    );
    const result = await runKiln(["deploy", project.root], { env: S3_ENV });
    assert.match(result.stdout, /Uploaded 1 file \(/);
    assert.deepEqual(await brokenParts(), []);
  });

  it("keeps the old site whole when a deploy is killed halfway, and a rerun finishes it", async () => {
    const post = path.join(project.root, "src/content/posts/hello-kiln.md");
    await writeFile(post, (await readFile(post, "utf8")) + "\nEdited after the first deploy.\n");
    await appendFile(
      path.join(project.root, "src/islands/counter.module.css"),
      "\n.extra { color: teal; }\n",
    );
    await rm(path.join(project.root, "src/content/posts/zero-javascript.md"));
    assert.equal((await project.build()).code, 0);

    const child = spawn(process.execPath, [KILN_BIN, "deploy", project.root], {
      env: { ...process.env, ...S3_ENV, CI: "true" },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await proxy.holdAfterPuts(2);
    child.kill("SIGKILL");
    await exited;
    proxy.dropHeld();
    assert.deepEqual(await brokenParts(), [], "the site broke while the deploy was halfway");

    const rerun = await runKiln(["deploy", project.root], { env: S3_ENV });
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.deepEqual(await brokenParts(), []);
    const edited = await s3.fetchWebsite(BUCKET, "/posts/hello-kiln/");
    assert.match(await edited.text(), /Edited after the first deploy/);
    assert.equal((await s3.fetchWebsite(BUCKET, "/posts/zero-javascript/")).status, 404);
    const again = await runKiln(["deploy", project.root], { env: S3_ENV });
    assert.match(again.stdout, /Uploaded 0 files/);
  });
});
