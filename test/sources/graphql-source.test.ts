import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSchema, graphql } from "graphql";
import { graphqlSource } from "../../src/sources/index.js";
import { loadSource } from "./client.js";
import { sendJson, startTestServer, type TestServer } from "./test-server.js";

const schema = buildSchema(`
  type Post { id: ID!, title: String!, body: String! }
  type PageInfo { hasNextPage: Boolean!, endCursor: String }
  type PostConnection { nodes: [Post!]!, pageInfo: PageInfo! }
  type Query { posts(first: Int!, after: String): PostConnection! }
`);

const POSTS = Array.from({ length: 7 }, (_, i) => ({
  id: `p${i + 1}`,
  title: `Post ${i + 1}`,
  body: `<p>Body ${i + 1}</p><script>steal()</script>`,
}));

/** Relay-style cursors: the cursor is the index after which the page starts. */
const root = {
  posts: ({ first, after }: { first: number; after?: string }) => {
    const start = after ? Number(after) : 0;
    const nodes = POSTS.slice(start, start + first);
    const end = start + nodes.length;
    return { nodes, pageInfo: { hasNextPage: end < POSTS.length, endCursor: String(end) } };
  },
};

const QUERY = `query Posts($first: Int!, $after: String) {
  posts(first: $first, after: $after) { nodes { id title body } pageInfo { hasNextPage endCursor } }
}`;

interface PostsData {
  posts: { pageInfo: { hasNextPage: boolean; endCursor: string } };
}

describe("graphqlSource (against a graphql-js server)", { timeout: 30_000 }, () => {
  let server: TestServer;
  let cacheDir: string;
  before(async () => {
    server = await startTestServer();
    cacheDir = await mkdtemp(path.join(tmpdir(), "kiln-graphql-source-"));
    server.route("/graphql", async (req, res, body) => {
      if (req.method !== "POST") return void res.writeHead(405).end();
      const { query, variables } = JSON.parse(body) as {
        query: string;
        variables: Record<string, unknown>;
      };
      sendJson(
        res,
        await graphql({ schema, source: query, rootValue: root, variableValues: variables }),
      );
    });
  });
  after(async () => {
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it("pages through a connection by cursor, sanitizing the HTML fields", async () => {
    const source = graphqlSource({
      collection: "posts",
      endpoint: `${server.url}/graphql`,
      query: QUERY,
      variables: { first: 3 },
      items: "posts.nodes",
      html: ["body"],
      paginate: (data) => {
        const { pageInfo } = (data as PostsData).posts;
        return pageInfo.hasNextPage ? { after: pageInfo.endCursor } : undefined;
      },
    });
    const { store } = await loadSource(source, cacheDir);
    assert.deepEqual(
      store.list("posts").map((e) => e.id),
      POSTS.map((p) => p.id),
    );
    assert.deepEqual(store.get("posts", "p5")!.data, {
      id: "p5",
      title: "Post 5",
      body: "<p>Body 5</p>",
    });
    const sent = server.requests.map(
      (r) => (JSON.parse(r.body) as { variables: unknown }).variables,
    );
    assert.deepEqual(sent, [{ first: 3 }, { first: 3, after: "3" }, { first: 3, after: "6" }]);
  });

  it("answers offline from the cache, keyed by the query and its variables", async () => {
    const options = {
      collection: "posts",
      endpoint: `${server.url}/graphql`,
      query: QUERY,
      variables: { first: 10 },
      items: "posts.nodes",
    };
    await loadSource(graphqlSource(options), cacheDir);
    const before = server.requests.length;
    const { store } = await loadSource(graphqlSource(options), cacheDir, { offline: true });
    assert.equal(store.list("posts").length, 7);
    assert.equal(server.requests.length, before);
    await assert.rejects(
      loadSource(graphqlSource({ ...options, variables: { first: 2 } }), cacheDir, {
        offline: true,
      }),
      /no cached response/,
    );
  });

  it("reads the errors of a 400 answer (GraphQL over HTTP)", async () => {
    server.route("/strict", (_req, res) => {
      res.writeHead(400, { "content-type": "application/graphql-response+json" });
      res.end(
        JSON.stringify({ errors: [{ message: "Syntax Error: Expected Name, found <EOF>." }] }),
      );
    });
    const source = graphqlSource({
      collection: "posts",
      endpoint: `${server.url}/strict`,
      query: "{ posts(",
      items: "posts.nodes",
    });
    await assert.rejects(
      loadSource(source, cacheDir),
      /answered with errors: Syntax Error: Expected Name/,
    );
  });

  it("fails with the server's GraphQL errors and where they are in the query", async () => {
    const source = graphqlSource({
      collection: "posts",
      endpoint: `${server.url}/graphql`,
      query: "{ posts(first: 2) { nodes { id titel } } }",
      items: "posts.nodes",
    });
    await assert.rejects(loadSource(source, cacheDir), (error: Error & { code?: string }) => {
      assert.equal(error.code, "KILN_SOURCE_GRAPHQL");
      assert.match(
        error.message,
        /Cannot query field "titel" on type "Post"\..*\(query line 1, column 32\)/,
      );
      return true;
    });
  });
});
