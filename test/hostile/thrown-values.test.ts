import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { copyProject, type RunResult } from "../helpers/build-fixture.js";

const COLLECTIONS = `collections: {
    posts: {
      schema: z.object({ title: z.string(), date: z.coerce.date(), tags: z.array(z.string()).default([]) }),
    },
  }`;

/** Builds basic-site with `config` as its kiln.config.ts. */
async function buildWith(config: string, ...args: string[]) {
  const project = await copyProject("basic-site");
  await writeFile(path.join(project.root, "kiln.config.ts"), config);
  return { project, result: await project.build(...args) };
}

function withPlugin(hooks: string): string {
  return `import { defineConfig, z } from "kiln-ssg";
export default defineConfig({
  site: { title: "Basic", lang: "en" },
  ${COLLECTIONS},
  plugins: [{ name: "hostile-plugin", hooks: { ${hooks} } }],
});
`;
}

function assertCoded(result: RunResult, code: string, ...named: RegExp[]) {
  assert.equal(result.code, 1, result.stderr);
  assert.doesNotMatch(result.stderr, /internal error/i, result.stderr);
  assert.doesNotMatch(result.stderr, /^\s+at /m, "no stack trace without --debug");
  assert.match(result.stderr, new RegExp(code));
  for (const name of named) assert.match(result.stderr, name);
}

describe("values user code throws or exports that are not what Kiln expects", () => {
  it("a config whose default export is a promise of the config is honoured", async () => {
    const { project, result } = await buildWith(`import { defineConfig, z } from "kiln-ssg";
export default (async () => defineConfig({ site: { title: "Promised", lang: "fr" }, ${COLLECTIONS} }))();
`);
    try {
      assert.equal(result.code, 0, result.stderr);
      assert.match(await project.read("index.html"), /<html lang="fr"/);
    } finally {
      await project.cleanup();
    }
  });

  const throwers: [string, string][] = [
    ["Object.create(null)", "throw Object.create(null);"],
    ["an object whose toString throws", 'throw { toString() { throw new Error("no"); } };'],
    [
      "a Proxy that refuses everything",
      'throw new Proxy({}, { get() { throw new Error("no"); } });',
    ],
  ];
  for (const [what, statement] of throwers) {
    for (const hook of ["kiln:config", "kiln:routes", "kiln:output"]) {
      it(`a plugin throwing ${what} in ${hook} is KILN_PLUGIN_FAILED naming it`, async () => {
        const { project, result } = await buildWith(
          withPlugin(`"${hook}": () => { ${statement} }`),
        );
        try {
          assertCoded(result, "KILN_PLUGIN_FAILED", /hostile-plugin/, new RegExp(hook));
        } finally {
          await project.cleanup();
        }
      });
    }
    it(`a plugin throwing ${what} in kiln:page, in the render workers too`, async () => {
      const { project, result } = await buildWith(
        withPlugin(`"kiln:page": () => { ${statement} }`),
        "--workers",
        "2",
      );
      try {
        assertCoded(result, "KILN_PLUGIN_FAILED", /hostile-plugin/, /kiln:page/);
      } finally {
        await project.cleanup();
      }
    });
  }

  for (const [what, entry] of [
    ["no fields", "{}"],
    ["no collection", '{ id: "x", data: {}, body: "", digest: "d", origin: { url: "plugin:x" } }'],
    [
      "data that is not an object",
      '{ id: "x", collection: "notes", data: 5, body: "", digest: "d", origin: { url: "u" } }',
    ],
  ]) {
    it(`store.set() of an entry with ${what} is a coded error naming the source`, async () => {
      const { project, result } = await buildWith(
        withPlugin(`"kiln:config": ({ addSource }) => addSource({
          name: "hostile-source",
          async load({ store }) { store.set(${entry}); },
        })`),
      );
      try {
        assertCoded(result, "KILN_SOURCE_FAILED", /hostile-source/);
      } finally {
        await project.cleanup();
      }
    });
  }
});
