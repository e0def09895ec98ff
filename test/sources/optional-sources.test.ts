import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { validateConfig } from "../../src/config/index.js";
import { loadContent, type Source } from "../../src/content/index.js";
import { KilnError } from "../../src/errors/index.js";
import { z } from "zod";
import { copyProject, runKiln, type Project } from "../helpers/build-fixture.js";
import { sendJson, startTestServer, type TestServer } from "./test-server.js";

const noToken = { GITHUB_TOKEN: "", STARS_ENDPOINT: "" };

/**
 * The migrated Eleventy site's GitHub-stars source (GraphQL, `optional: true`, reading the
 * generators collection): without a token, without a server, offline with no cache, and with a
 * real server on 127.0.0.1.
 */
describe("an optional source that reads another collection", () => {
  let project: Project;
  let server: TestServer;
  before(async () => {
    project = await copyProject("migrated-eleventy");
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
    await project.cleanup();
  });
  const build = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    runKiln(["build", project.root, ...args], { env });
  const listed = async () =>
    (await project.html("index.html")).querySelectorAll("#generators li").map((li) => li.text);

  it("without its token: no entries, one warning, the page builds", async () => {
    const result = await build(noToken);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr.match(/optional source/g)?.length, 1, result.stderr);
    assert.match(
      result.stderr,
      /optional source "github-stars" gave no entries \(KILN_SOURCE_ENV_MISSING\)/,
    );
    assert.doesNotMatch(result.stderr, /collection "stars" has no entries/);
    assert.deepEqual(await listed(), ["Eleventy (JavaScript)", "Hugo (Go)"]);
  });

  it("with no server listening: no entries, one warning", async () => {
    // A port that was just free: nothing listens there once this server is closed.
    const closed = await startTestServer();
    const endpoint = `${closed.url}/graphql`;
    await closed.close();
    const result = await build({ GITHUB_TOKEN: "t0ken", STARS_ENDPOINT: endpoint });
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /optional source "github-stars" gave no entries \(KILN_SOURCE_FETCH\)/,
    );
    assert.doesNotMatch(result.stderr, /t0ken/);
    assert.deepEqual(await listed(), ["Eleventy (JavaScript)", "Hugo (Go)"]);
  });

  it("with its server: asks about the repositories of the generators it reads", async () => {
    server.route("/graphql", (_request, response, body) => {
      const { variables } = JSON.parse(body) as { variables: { repos: string[] } };
      sendJson(response, {
        data: { stars: variables.repos.map((repo, i) => ({ repo, count: 100 * (i + 1) })) },
      });
    });
    const result = await build({ GITHUB_TOKEN: "t0ken", STARS_ENDPOINT: `${server.url}/graphql` });
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /optional source/);
    const asked = server.requests.filter((r) => r.path === "/graphql");
    assert.equal(asked.length, 1);
    // The generators were loaded (and the unparseable one left out) before the source ran.
    assert.deepEqual((JSON.parse(asked[0]!.body) as { variables: unknown }).variables, {
      repos: ["11ty/eleventy", "gohugoio/hugo"],
    });
    assert.equal(asked[0]!.headers.authorization, "bearer t0ken");
    assert.deepEqual(await listed(), ["Eleventy (JavaScript) ★100", "Hugo (Go) ★200"]);
  });

  it("--offline with no cache: no entries, one warning", async () => {
    const fresh = await copyProject("migrated-eleventy");
    try {
      const result = await runKiln(["build", fresh.root, "--offline"], {
        env: { GITHUB_TOKEN: "t0ken", STARS_ENDPOINT: `${server.url}/graphql` },
      });
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stderr,
        /optional source "github-stars" gave no entries \(KILN_SOURCE_OFFLINE_MISSING\)/,
      );
    } finally {
      await fresh.cleanup();
    }
  });
});

const logger = { info() {}, warn() {} };

function memorySource(
  name: string,
  collection: string,
  reads: string[],
  load: Source["load"] = () => Promise.resolve(),
): Source {
  return { name, collections: [collection], reads, load };
}

describe("sources' reads", () => {
  it("runs a source after those filling what it reads, and shows it validated data", async () => {
    const seen: unknown[] = [];
    const reader = memorySource("reader", "derived", ["numbers"], ({ store }) => {
      seen.push(...store.list("numbers").map((entry) => entry.data["n"]));
      return Promise.resolve();
    });
    const writer = memorySource("writer", "numbers", [], ({ store }) => {
      for (const n of ["1", "2"])
        store.set({
          id: n,
          collection: "numbers",
          data: { n },
          body: "",
          digest: n,
          origin: { url: `memory:${n}` },
        });
      store.set({
        id: "3",
        collection: "numbers",
        data: { n: "3", draft: true },
        body: "",
        digest: "3",
        origin: { url: "memory:3" },
      });
      return Promise.resolve();
    });
    const config = validateConfig(
      {
        collections: {
          numbers: { schema: z.object({ n: z.coerce.number(), draft: z.boolean().optional() }) },
        },
      },
      undefined,
    );
    // Listed reader first: it still runs second, and sees numbers coerced and drafts left out.
    await loadContent({ root: "/x", config, sources: [reader, writer], logger });
    assert.deepEqual(seen, [1, 2]);
  });

  it("refuses a cycle of reads, located at the config's reads", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kiln-reads-cycle-"));
    const configFile = path.join(dir, "kiln.config.ts");
    await writeFile(
      configFile,
      'export default {\n  sources: [\n    a({ name: "a",\n      reads: ["y"] }),\n    b({ name: "b", reads: ["x"] }),\n  ],\n};\n',
    );
    try {
      await assert.rejects(
        loadContent({
          root: dir,
          config: validateConfig({}, undefined),
          sources: [memorySource("a", "x", ["y"]), memorySource("b", "y", ["x"])],
          logger,
          configFile,
        }),
        (error: unknown) =>
          KilnError.is(error) &&
          error.code === "KILN_SOURCE_READS_CYCLE" &&
          error.message.includes("a → b → a") &&
          error.location?.file === configFile &&
          error.location.line === 4,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("takes back what an optional source added before it failed", async () => {
    const halfway: Source = {
      name: "halfway",
      optional: true,
      collections: ["items"],
      load({ store }) {
        store.set({
          id: "1",
          collection: "items",
          data: {},
          body: "",
          digest: "1",
          origin: { url: "memory:1" },
        });
        return Promise.reject(
          new KilnError({
            code: "KILN_SOURCE_STATUS",
            title: "t",
            message: "HTTP 503",
            hint: undefined,
          }),
        );
      },
    };
    const warnings: string[] = [];
    const store = await loadContent({
      root: "/x",
      config: validateConfig({}, undefined),
      sources: [halfway],
      logger: { info() {}, warn: (message) => void warnings.push(message) },
    });
    assert.deepEqual(store.list("items"), []);
    assert.equal(warnings.length, 1);
  });
});
