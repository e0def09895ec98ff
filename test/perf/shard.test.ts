import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { inShard, parseShardSpec } from "../../src/shard/index.js";
import { sha256 } from "../../src/support/index.js";
import { runKiln, snapshot, type Project } from "../helpers/build-fixture.js";
import { manyPagesProject } from "./many-pages.js";

describe("inShard", () => {
  it("puts every path in exactly one shard", () => {
    const paths = Array.from({ length: 500 }, (_, i) => `posts/p-${i}/index.html`);
    for (const count of [1, 2, 3, 7]) {
      for (const file of paths) {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) =>
          inShard(file, { index, count }),
        );
        assert.equal(owners.length, 1, `${file} is in shards ${owners.join(",")} of ${count}`);
      }
    }
    const sizes = [1, 2, 3].map(
      (index) => paths.filter((f) => inShard(f, { index, count: 3 })).length,
    );
    assert.ok(Math.min(...sizes) > 120, `uneven shards: ${sizes.join(", ")}`);
  });

  it("parses i/n and refuses the rest", () => {
    assert.deepEqual(parseShardSpec("2/4"), { index: 2, count: 4 });
    for (const bad of ["0/4", "5/4", "1/0", "a/b", "1", "1/2/3"])
      assert.equal(parseShardSpec(bad), undefined, bad);
  });
});

describe("kiln build --shard and kiln merge", () => {
  let project: Project;
  let single: Map<string, Buffer>;
  const shardDir = (i: number) => `shard-${i}`;
  before(async () => {
    project = await manyPagesProject(40);
    const whole = await project.build();
    assert.equal(whole.code, 0, whole.stderr);
    single = await project.snapshot();
    for (const i of [1, 2, 3]) {
      const result = await project.build("--shard", `${i}/3`, "--out", shardDir(i));
      assert.equal(result.code, 0, result.stderr);
    }
  });
  after(() => project.cleanup());
  const at = (...parts: string[]) => path.join(project.root, ...parts);

  it("splits the pages and public files into disjoint shards with manifests", async () => {
    // Whole-site outputs need every page: shards do not write them, the merge does.
    const wholeSite = new Set(["_headers", "_headers.nginx.conf"]);
    const seen = new Map<string, number>();
    for (const i of [1, 2, 3]) {
      const files = await snapshot(at(shardDir(i)));
      const manifest = JSON.parse(files.get(".kiln-shard.json")!.toString()) as {
        shard: { index: number; count: number };
        files: Record<string, string>;
      };
      assert.deepEqual(manifest.shard, { index: i, count: 3 });
      files.delete(".kiln-shard.json");
      assert.deepEqual(Object.keys(manifest.files).sort(), [...files.keys()]);
      assert.ok(files.size > 5, `shard ${i} has only ${files.size} files`);
      for (const [file, bytes] of files) {
        assert.equal(seen.get(file), undefined, `${file} is in shards ${seen.get(file)} and ${i}`);
        seen.set(file, i);
        assert.ok(
          bytes.equals(single.get(file)!),
          `${file} of shard ${i} differs from a single build`,
        );
      }
    }
    assert.deepEqual(
      [...seen.keys()].sort(),
      [...single.keys()].filter((file) => !wholeSite.has(file)),
    );
  });

  it("merges the shards into exactly a single build, whole-site files included", async () => {
    const result = await runKiln(
      ["merge", shardDir(3), shardDir(1), shardDir(2), "--out", "merged"],
      {
        cwd: project.root,
      },
    );
    assert.equal(result.code, 0, result.stderr);
    const merged = await snapshot(at("merged"));
    assert.deepEqual([...merged.keys()], [...single.keys()]);
    for (const [file, bytes] of single)
      assert.ok(merged.get(file)!.equals(bytes), `${file} differs`);
  });

  it("fails on two shards writing different bytes to one path, and writes nothing", async () => {
    const manifestFile = at(shardDir(2), ".kiln-shard.json");
    const original = await readFile(manifestFile, "utf8");
    const manifest = JSON.parse(original) as { files: Record<string, string> };
    const first = JSON.parse(await readFile(at(shardDir(1), ".kiln-shard.json"), "utf8")) as {
      files: Record<string, string>;
    };
    const stolen = Object.keys(first.files)[0]!;
    await writeFile(at(shardDir(2), stolen), "<p>not the same</p>\n");
    manifest.files[stolen] = sha256("<p>not the same</p>\n");
    await writeFile(manifestFile, JSON.stringify(manifest));
    try {
      const result = await runKiln(
        ["merge", shardDir(1), shardDir(2), shardDir(3), "--out", "conflict"],
        {
          cwd: project.root,
        },
      );
      assert.equal(result.code, 1);
      assert.match(result.stderr, /KILN_MERGE_CONFLICT/);
      assert.ok(result.stderr.includes(stolen), result.stderr);
      assert.ok(!existsSync(at("conflict")), "a failed merge wrote its output");
    } finally {
      await writeFile(manifestFile, original);
    }
  });

  it("fails on a missing shard, a repeated one and a folder that is not a shard", async () => {
    const missing = await runKiln(["merge", shardDir(1), shardDir(3), "--out", "x"], {
      cwd: project.root,
    });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /KILN_MERGE_SHARD_SET.*missing 2\/3/);
    const twice = await runKiln(
      ["merge", shardDir(1), shardDir(1), shardDir(2), shardDir(3), "--out", "x"],
      {
        cwd: project.root,
      },
    );
    assert.match(twice.stderr, /shard 1\/3 is given twice/);
    const notShard = await runKiln(["merge", "dist", "--out", "x"], { cwd: project.root });
    assert.match(notShard.stderr, /KILN_MERGE_NOT_SHARD/);
    assert.ok(!existsSync(at("x")));
  });

  it("refuses a malformed --shard", async () => {
    const result = await project.build("--shard", "4/3");
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--shard must be i\/n/);
  });
});
