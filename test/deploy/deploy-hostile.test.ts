import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, runKiln, type Project } from "../helpers/build-fixture.js";
import { startHostileStore, type HostileStore } from "../helpers/hostile-s3.js";
import { S3_ENV, configureBucket, startS3Server, type S3Server } from "../helpers/s3-server.js";

const INTERNAL = /internal error|\n\s+at /i;

/** Deploys of one built project against stores that misbehave on purpose (issue 24, point 4). */
describe("kiln deploy against a hostile or broken store", () => {
  let project: Project;
  let config: string;
  const stores: HostileStore[] = [];
  let s3: S3Server | undefined;
  /** Points the project's deploy at `endpoint` (the built output stays as it is). */
  async function target(endpoint: string, extra = "", prefix = "") {
    await writeFile(path.join(project.root, "kiln.config.ts"), config);
    await configureBucket(project.root, endpoint, { deploy: "site", extra });
    if (prefix) {
      const file = path.join(project.root, "kiln.config.ts");
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace('prefix: ""', `prefix: ${JSON.stringify(prefix)}`));
    }
  }
  async function store(...args: Parameters<typeof startHostileStore>) {
    const started = await startHostileStore(...args);
    stores.push(started);
    return started;
  }
  const deploy = (...args: string[]) => runKiln(["deploy", project.root, ...args], { env: S3_ENV });
  before(async () => {
    project = await copyProject("deployable");
    // A unicode page with an alias: its redirect object's location is not ASCII, and not even
    // Latin-1 (fetch refuses such a header value outright).
    await writeFile(
      path.join(project.root, "src/pages/café-茶.md"),
      '---\ntitle: Café\naliases: ["/old-cafe/"]\n---\n\nCoffee.\n',
    );
    const built = await project.build();
    assert.equal(built.code, 0, built.stderr);
    config = await readFile(path.join(project.root, "kiln.config.ts"), "utf8");
  });
  after(async () => {
    for (const started of stores) await started.close();
    await s3?.close();
    await project?.cleanup();
  });

  it("stops with a code when a listing repeats its continuation token", async () => {
    const hostile = await store("repeat-token");
    await target(hostile.endpoint);
    const result = await deploy();
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /KILN_S3_BAD_ANSWER/);
    assert.match(result.stderr, /continuation token/);
    assert.doesNotMatch(result.stderr, INTERNAL);
    const listings = hostile.requests.filter((r) => r.includes("list-type=2"));
    assert.ok(listings.length <= 3, `${listings.length} listing requests`);
    assert.equal(hostile.objects.size, 0, "uploaded after a broken listing");
  });

  it("stops with a code, and no stack trace, when a 200 listing is not XML", async () => {
    const hostile = await store("not-xml");
    await target(hostile.endpoint);
    const result = await deploy();
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /KILN_S3_BAD_ANSWER/);
    assert.match(result.stderr, /ListBucketResult/);
    assert.doesNotMatch(result.stderr, INTERNAL);
    assert.equal(hostile.objects.size, 0, "uploaded after a listing that is not one");
  });

  it("ignores listed keys outside the prefix: never cut, never deleted", async () => {
    const hostile = await store("outside-prefix", {
      extra: ["other/secret.html", "sitemap-of-someone-else.xml", "site"],
    });
    await target(hostile.endpoint, "", "site/");
    const dry = await deploy("--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /delete 0\b/);
    const result = await deploy();
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(hostile.deleted, []);
    assert.ok(hostile.objects.has("site/index.html"), [...hostile.objects.keys()].join(", "));
  });

  it("says it is retrying a store that never answers, and stops at the deadline", async () => {
    const hostile = await store("silent");
    await target(hostile.endpoint, "requestTimeout: 300, deadline: 1500,");
    const result = await deploy();
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /KILN_S3_DEADLINE/);
    assert.match(result.stderr, /no answer in 0\.3s\), try 2 of 5/);
    assert.doesNotMatch(result.stderr, INTERNAL);
  });

  it("refuses a key id with a line break at once, without printing it", async () => {
    const hostile = await store("honest");
    await target(hostile.endpoint);
    const result = await runKiln(["deploy", project.root], {
      env: { AWS_ACCESS_KEY_ID: "PASTEDKEY\r", AWS_SECRET_ACCESS_KEY: "S3RVER" },
    });
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /KILN_S3_CREDENTIALS\b.*line break/s);
    assert.doesNotMatch(result.stderr, /PASTEDKEY/);
    assert.doesNotMatch(result.stderr, INTERNAL);
    assert.deepEqual(hostile.requests, []);
  });

  it("names an output folder that is a file, not an internal error", async () => {
    const hostile = await store("honest");
    await target(hostile.endpoint);
    await writeFile(path.join(project.root, "a-file"), "not a folder\n");
    const result = await runKiln(["deploy", project.root, "--out", "a-file"], { env: S3_ENV });
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /KILN_OUTPUT_MISSING/);
    assert.doesNotMatch(result.stderr, INTERNAL);
  });

  it("uploads a unicode page's alias, with its location percent-encoded (own store)", async () => {
    const hostile = await store("honest");
    await target(hostile.endpoint);
    const result = await deploy();
    assert.equal(result.code, 0, result.stderr);
    const moved = hostile.objects.get("old-cafe/index.html");
    assert.ok(moved, [...hostile.objects.keys()].join(", "));
    assert.match(String(moved["x-amz-website-redirect-location"]), /\/caf%C3%A9-%E8%8C%B6\/$/);
    assert.ok(hostile.objects.has("café-茶/index.html"));
  });

  it("against s3rver: a unicode page's alias is a working 301", async () => {
    s3 = await startS3Server(["site"]);
    await target(s3.endpoint);
    const result = await deploy();
    assert.equal(result.code, 0, result.stderr);
    const moved = await s3.fetchWebsite("site", "/old-cafe/");
    assert.equal(moved.status, 301);
    assert.match(moved.headers.get("location") ?? "", /\/caf%C3%A9-%E8%8C%B6\/$/);
    const page = await s3.fetchWebsite("site", "/caf%C3%A9-%E8%8C%B6/");
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Coffee/);
  });

  it("against s3rver: host configuration files are not uploaded where anyone can read them", async () => {
    s3 ??= await startS3Server(["site"]);
    await target(s3.endpoint);
    const hostFiles = ["_headers", "_headers.nginx.conf", "_redirects"];
    for (const name of hostFiles)
      assert.ok((await project.files()).includes(name), `the build wrote no ${name}`);
    const result = await deploy();
    assert.equal(result.code, 0, result.stderr);
    const keys = (await s3.client("site").list("")).map((o) => o.key);
    assert.ok(keys.includes("index.html"), keys.join(", "));
    for (const name of hostFiles) {
      assert.ok(!keys.includes(name), `${name} was uploaded`);
      assert.equal((await s3.fetchWebsite("site", `/${name}`)).status, 404);
    }
  });
});
