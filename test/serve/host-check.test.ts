import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkHost,
  createHostAllowlist,
  hostHeaderOf,
  isAllowedOrigin,
  parseHostHeader,
} from "../../src/serve/index.js";

describe("dev server host and origin checks", () => {
  const allowed = createHostAllowlist(["dev.example.test", "::2"]);

  it("takes the one Host header, and none when there are several (a 400, RFC 9112 §3.2)", () => {
    assert.equal(hostHeaderOf({ rawHeaders: ["host", "localhost", "Accept", "*/*"] }), "localhost");
    assert.equal(hostHeaderOf({ rawHeaders: ["Accept", "*/*"] }), undefined);
    assert.equal(
      hostHeaderOf({ rawHeaders: ["Host", "localhost", "HOST", "evil.test"] }),
      undefined,
    );
  });

  it("parses Host values and rejects malformed ones", () => {
    assert.equal(parseHostHeader("LocalHost:4321"), "localhost");
    assert.equal(parseHostHeader("[::1]:4321"), "[::1]");
    assert.equal(parseHostHeader("127.0.0.1"), "127.0.0.1");
    for (const bad of [
      "[::",
      "[::1]x",
      "a:b:c",
      "host:",
      "host:99999999",
      "",
      ":80",
      "a b",
      "a/b",
      "a@b",
    ])
      assert.equal(parseHostHeader(bad), undefined, bad);
    assert.equal(parseHostHeader(undefined), undefined);
  });

  it("allows local and configured names only", () => {
    assert.equal(checkHost("localhost:1", allowed), "allowed");
    assert.equal(checkHost("[::1]", allowed), "allowed");
    assert.equal(checkHost("DEV.example.test:80", allowed), "allowed");
    assert.equal(checkHost("[::2]:4321", allowed), "allowed");
    assert.equal(checkHost("attacker.example", allowed), "forbidden");
    assert.equal(checkHost("localhost.attacker.example", allowed), "forbidden");
    assert.equal(checkHost("[::", allowed), "malformed");
  });

  it("allows no Origin or this server's own, and nothing else", () => {
    assert.equal(isAllowedOrigin(undefined, allowed, 4321), true);
    assert.equal(isAllowedOrigin("http://localhost:4321", allowed, 4321), true);
    assert.equal(isAllowedOrigin("http://127.0.0.1:4321", allowed, 4321), true);
    for (const origin of [
      "null",
      "http://localhost:4322",
      "https://localhost:4321",
      "http://evil.example:4321",
      "http://1.2.3.4:4321",
      "not a url",
    ])
      assert.equal(isAllowedOrigin(origin, allowed, 4321), false, origin);
  });
});
