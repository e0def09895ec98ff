import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { REPO, copyProject, runKiln, type Project } from "../helpers/build-fixture.js";
import { S3_ENV, configureBucket, startS3Server, type S3Server } from "../helpers/s3-server.js";

const BUCKET = "ci-cache";

/**
 * examples/blog built on "fresh checkouts" (copies with no .kiln/) sharing a remote cache:
 * the output is byte-identical with a warm remote cache, without one, and with a damaged one.
 */
describe("cache.remote: Kiln's caches kept in a bucket", () => {
  let s3: S3Server;
  const projects: Project[] = [];
  let expected: Map<string, Buffer>;
  async function checkout(withCache: boolean): Promise<Project> {
    const project = await copyProject(path.join(REPO, "examples/blog"));
    projects.push(project);
    if (withCache) await configureBucket(project.root, s3.endpoint, { cache: BUCKET });
    return project;
  }
  const build = async (project: Project) => {
    const result = await runKiln(["build", project.root], { env: S3_ENV });
    assert.equal(result.code, 0, result.stderr);
    return result;
  };
  before(async () => {
    s3 = await startS3Server([BUCKET]);
  });
  after(async () => {
    for (const project of projects) await project.cleanup();
    await s3?.close();
  });

  it("stores the caches after a build and fetches them on a fresh checkout", async () => {
    const first = await checkout(true);
    await build(first);
    expected = await first.snapshot();
    const objects = await s3.client(BUCKET).list("kiln-cache/");
    assert.ok(objects.some((o) => o.key === "kiln-cache/manifest.json"));
    const second = await checkout(true);
    const result = await build(second);
    assert.match(result.stderr, /remote cache: fetched \d+ files/);
    const images = await readdir(path.join(second.root, ".kiln/images"));
    assert.ok(images.length > 0, "no encoded image came from the remote cache");
    assert.deepEqual(await second.snapshot(), expected);
  });

  it("builds the same bytes without a remote cache", async () => {
    const plain = await checkout(false);
    await build(plain);
    assert.deepEqual(await plain.snapshot(), expected);
  });

  it("skips damaged files and a damaged manifest, with the same output", async () => {
    const client = s3.client(BUCKET);
    const objects = (await client.list("kiln-cache/objects/")).map((o) => o.key);
    for (const key of objects) await client.put(key, Buffer.from("garbage"));
    const damaged = await checkout(true);
    const result = await build(damaged);
    assert.match(result.stderr, /files were missing or damaged and were skipped/);
    assert.deepEqual(await damaged.snapshot(), expected);
    const repaired = await checkout(true);
    assert.doesNotMatch(
      (await build(repaired)).stderr,
      /damaged/,
      "the push did not repair the cache",
    );

    await client.put("kiln-cache/manifest.json", Buffer.from("{ not json"));
    const broken = await checkout(true);
    const again = await build(broken);
    assert.match(again.stderr, /manifest is damaged/);
    assert.deepEqual(await broken.snapshot(), expected);
  });

  it("warns and builds when the bucket refuses the keys", async () => {
    const project = await checkout(true);
    const result = await runKiln(["build", project.root], {
      env: { AWS_ACCESS_KEY_ID: "WRONG", AWS_SECRET_ACCESS_KEY: "WRONG" },
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /remote cache .* not used: KILN_S3_CREDENTIALS/);
    assert.deepEqual(await project.snapshot(), expected);
  });
});
