import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { deploy as deployApi } from "../../src/deploy/index.js";
import { REPO, copyProject, runKiln, type Project } from "../helpers/build-fixture.js";
import { S3_ENV, configureBucket, startS3Server, type S3Server } from "../helpers/s3-server.js";

const BUCKET = "site";

describe("kiln deploy against s3rver", () => {
  let s3: S3Server;
  let project: Project;
  const deploy = (...args: string[]) => runKiln(["deploy", project.root, ...args], { env: S3_ENV });
  before(async () => {
    s3 = await startS3Server([BUCKET]);
    project = await copyProject(path.join(REPO, "examples/blog"));
    await configureBucket(project.root, s3.endpoint, { deploy: BUCKET });
    // The search index's chunks are named by their content, so any edit renames some of them:
    // this suite counts the files an edit changes, and the index is not what it tests.
    const config = path.join(project.root, "kiln.config.ts");
    await writeFile(
      config,
      (await readFile(config, "utf8")).replace("search: true", "search: false"),
    );
    const built = await project.build();
    assert.equal(built.code, 0, built.stderr);
  });
  after(async () => {
    await project?.cleanup();
    await s3?.close();
  });

  it("uploads every file with its Content-Type and Cache-Control on the first deploy", async () => {
    const result = await deploy();
    assert.equal(result.code, 0, result.stderr);
    // Host configuration (_headers, _headers.nginx.conf, _redirects) stays out of the bucket.
    const files = (await project.files()).filter((f) => !/^_(headers|redirects)/.test(f));
    assert.match(result.stdout, new RegExp(`Uploaded ${files.length} files`));
    assert.match(
      result.stdout,
      /credentials from environment variables AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY/,
    );
    assert.doesNotMatch(result.stdout + result.stderr, /S3RVER/, "a key was printed");
    const listed = (await s3.client(BUCKET).list("")).map((o) => o.key).sort();
    assert.deepEqual(listed, [".kiln-deploy.json", ...files].sort());
    const page = await s3.fetchWebsite(BUCKET, "/posts/hello-kiln/");
    assert.equal(page.status, 200);
    assert.equal(page.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal(page.headers.get("cache-control"), "public, max-age=0, must-revalidate");
    assert.equal(await page.text(), await project.read("posts/hello-kiln/index.html"));
    const css = files.find((f) => /^_kiln\/.*\.css$/.test(f))!;
    const asset = await s3.fetchWebsite(BUCKET, `/${css}`);
    assert.equal(asset.headers.get("content-type"), "text/css; charset=utf-8");
    assert.equal(asset.headers.get("cache-control"), "public, max-age=31536000, immutable");
  });

  it("uploads nothing when nothing changed, even after a clean rebuild", async () => {
    await rm(project.outDir, { recursive: true });
    await rm(path.join(project.root, ".kiln"), { recursive: true });
    assert.equal((await project.build()).code, 0);
    const result = await deploy();
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Uploaded 0 files \(0 B\), deleted 0/);
  });

  /** Rebuilds after `edit` and returns which output files changed bytes, appeared or went. */
  async function rebuild(edit: () => Promise<void>) {
    const before = await project.snapshot();
    await edit();
    const built = await project.build();
    assert.equal(built.code, 0, built.stderr);
    const after = await project.snapshot();
    const changed = [...after].filter(([file, bytes]) => !before.get(file)?.equals(bytes));
    return {
      changed: changed.map(([file]) => file).sort(),
      removed: [...before.keys()].filter((file) => !after.has(file)).sort(),
    };
  }
  const api = (options: { dryRun?: boolean; maxDeletes?: number } = {}) =>
    deployApi({ root: project.root, env: S3_ENV, log: () => {}, ...options });

  it("uploads exactly the files an edit changed", async () => {
    const post = path.join(project.root, "src/content/posts/hello-kiln.md");
    const { changed, removed } = await rebuild(async () =>
      writeFile(post, (await readFile(post, "utf8")) + "\nOne more paragraph.\n"),
    );
    assert.ok(changed.includes("posts/hello-kiln/index.html"));
    assert.deepEqual(removed, []);
    const result = await api();
    assert.deepEqual(result.uploaded, changed);
    assert.deepEqual(result.deleted, []);
    assert.ok(result.urls.includes("/posts/hello-kiln/"));
    const json = JSON.parse(await readFile(result.invalidationFile!, "utf8")) as { urls: string[] };
    assert.deepEqual(json.urls, result.urls);
    const page = await s3.fetchWebsite(BUCKET, "/posts/hello-kiln/");
    assert.match(await page.text(), /One more paragraph/);
  });

  let removedByDelete: string[] = [];
  it("plans a deletion with --dry-run and changes nothing", async () => {
    const rebuilt = await rebuild(() =>
      rm(path.join(project.root, "src/content/posts/zero-javascript.md")),
    );
    // Host configuration (_headers and the like) changes too, but never goes to the bucket.
    const changed = rebuilt.changed.filter((f) => !/^_(headers|redirects)/.test(f));
    const { removed } = rebuilt;
    // The post's page, and the page of a tag only it had.
    assert.ok(removed.includes("posts/zero-javascript/index.html"));
    removedByDelete = removed;
    const listed = await s3.client(BUCKET).list("");
    const result = await deploy("--dry-run");
    assert.equal(result.code, 0, result.stderr);
    for (const file of removed) assert.match(result.stdout, new RegExp(`delete {2}${file}`));
    for (const file of changed) assert.match(result.stdout, new RegExp(`upload {2}${file}`));
    assert.match(
      result.stdout,
      new RegExp(`would upload ${changed.length} files? .*, delete ${removed.length},`),
    );
    assert.deepEqual(await s3.client(BUCKET).list(""), listed);
  });

  it("refuses more deletions than --max-deletes, then deletes one page uploading only what changed", async () => {
    const listed = await s3.client(BUCKET).list("");
    const refused = await deploy("--max-deletes", "0");
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /KILN_DEPLOY_MAX_DELETES/);
    assert.deepEqual(await s3.client(BUCKET).list(""), listed);
    const plan = await api({ dryRun: true });
    const result = await api();
    assert.deepEqual(result.deleted, removedByDelete);
    assert.deepEqual(
      result.uploaded,
      [...plan.plan.phases.assets, ...plan.plan.phases.pages].map((u) => u.key).sort(),
    );
    // The pages that listed the post, its tags' pages, the feeds and the sitemap; never the
    // hashed assets under _kiln/.
    assert.ok(
      result.uploaded.length <= 12 && !result.uploaded.some((key) => key.startsWith("_kiln/")),
      `deleting one page uploaded ${result.uploaded.join(", ")}`,
    );
    assert.equal((await s3.fetchWebsite(BUCKET, "/posts/zero-javascript/")).status, 404);
    assert.equal((await api()).uploaded.length, 0);
  });

  it("notices an object changed by hand and puts it back", async () => {
    const client = s3.client(BUCKET);
    await client.put("about/index.html", Buffer.from("defaced"));
    await client.put("stray.txt", Buffer.from("left by hand"));
    const result = await api();
    assert.deepEqual(result.uploaded, ["about/index.html"]);
    assert.deepEqual(result.deleted, ["stray.txt"]);
    assert.equal(
      await (await s3.fetchWebsite(BUCKET, "/about/")).text(),
      await project.read("about/index.html"),
    );
  });
});
