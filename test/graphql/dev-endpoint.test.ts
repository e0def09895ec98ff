import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";
import { sendRaw, startDev, type DevProcess } from "../dev/dev-process.js";

const QUERY = `query ($id: ID!) { post(id: $id) { title subtitle author { name } } allAuthors { id } }`;

/** A POST of a GraphQL request over a raw socket, so the Host header is exactly as given. */
function post(port: number, body: string, headers: Record<string, string> = {}) {
  const all: Record<string, string> = {
    Host: `127.0.0.1:${port}`,
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(body)),
    Connection: "close",
    ...headers,
  };
  const head = Object.entries(all).map(([name, value]) => `${name}: ${value}`);
  return sendRaw(port, [`POST /_kiln/graphql HTTP/1.1`, ...head].join("\r\n") + "\r\n\r\n" + body);
}

describe("kiln dev serves GraphQL at /_kiln/graphql", () => {
  let project: Project;
  let dev: DevProcess;

  before(async () => {
    project = await copyProject("graphql-site");
    dev = await startDev(project.root);
  });

  after(async () => {
    await dev.stop();
    await project.cleanup();
  });

  it("POST runs a query against the site's content", async () => {
    const response = await fetch(new URL("/_kiln/graphql", dev.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUERY, variables: { id: "first" } }),
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      data: {
        post: { title: "First post", subtitle: null, author: { name: "Ada Lovelace" } },
        allAuthors: [{ id: "ada" }, { id: "grace" }],
      },
    });
  });

  it("an error in the query comes back as GraphQL errors", async () => {
    const { status, body } = await post(
      dev.port,
      JSON.stringify({ query: "{ allPosts { nope } }" }),
    );
    assert.equal(status, 200);
    const result = JSON.parse(body) as { errors: { message: string }[] };
    assert.match(result.errors[0]!.message, /Cannot query field "nope" on type "Post"/);
  });

  it("GET serves the explorer with the schema", async () => {
    const response = await fetch(new URL("/_kiln/graphql", dev.url), {
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
    const html = await response.text();
    assert.match(html, /<form id="run">/);
    assert.match(html, /subtitle: String\n/);
    assert.match(
      html,
      /allPosts\(where: PostWhere, sort: String, limit: Int, offset: Int\): \[Post!\]!/,
    );
  });

  it("refuses a foreign Host header, a foreign Origin, a body that is not JSON or is too large", async () => {
    const body = JSON.stringify({ query: "{ allPosts { title } }" });
    const foreignHost = await post(dev.port, body, { Host: "attacker.example" });
    assert.equal(foreignHost.status, 403);
    assert.doesNotMatch(foreignHost.body, /First post/);
    const rebound = await post(dev.port, body, { Host: `attacker.example:${dev.port}` });
    assert.equal(rebound.status, 403);
    const foreignOrigin = await post(dev.port, body, { Origin: "http://attacker.example" });
    assert.equal(foreignOrigin.status, 403);
    // A plain form on another site can send text/plain without a preflight: not a query.
    const form = await post(dev.port, body, { "Content-Type": "text/plain" });
    assert.equal(form.status, 415);
    const huge = await post(dev.port, JSON.stringify({ query: `{ ${" ".repeat(1_100_000)} }` }));
    assert.equal(huge.status, 413);
    const ownOrigin = await post(dev.port, body, { Origin: `http://localhost:${dev.port}` });
    assert.equal(ownOrigin.status, 200);
    assert.match(ownOrigin.body, /First post/);
  });
});
