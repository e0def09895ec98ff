import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveRequest } from "../../src/serve/index.js";

const root = "/srv/site/dist";

describe("resolveRequest", () => {
  it("maps ordinary targets inside the root", () => {
    assert.deepEqual(resolveRequest("/", root), {
      kind: "file",
      path: "/srv/site/dist",
      slash: true,
    });
    assert.deepEqual(resolveRequest("/posts/a/?x=1", root), {
      kind: "file",
      path: "/srv/site/dist/posts/a",
      slash: true,
    });
    assert.deepEqual(resolveRequest("/caf%C3%A9/", root), {
      kind: "file",
      path: "/srv/site/dist/café",
      slash: true,
    });
    assert.deepEqual(resolveRequest("/.well-known/security.txt", root), {
      kind: "file",
      path: "/srv/site/dist/.well-known/security.txt",
      slash: false,
    });
  });

  for (const target of [
    "/../etc/passwd",
    "/a/../../etc/passwd",
    "/%2e%2e/etc/passwd",
    "/%2e%2e%2fetc%2fpasswd",
    "/%252e%252e%252fetc",
    "/..%5cetc",
    "/..%2F..%2Fetc",
    "/..;/etc",
    "/a%00.html",
    "/a#/../../etc/passwd",
    "/.env",
    "/.env/.",
    "/.git/config",
    "//etc/passwd",
    "http://evil.example/",
    "*",
    "",
    "/%E0%A4%A",
  ]) {
    it(`refuses ${JSON.stringify(target)}`, () => {
      const result = resolveRequest(target, root);
      if (result.kind === "file") {
        assert.ok(
          result.path.startsWith(`${root}/`) && !result.path.includes(".."),
          `${target} resolved to ${result.path}`,
        );
        assert.fail(`${target} was not refused (${result.path})`);
      }
      assert.ok([400, 403, 404].includes(result.status));
    });
  }
});
