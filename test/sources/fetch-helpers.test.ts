import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findNextLink } from "../../src/sources/link-header.js";
import { backoffDelay, parseRetryAfter } from "../../src/sources/retry-policy.js";
import { Secrets } from "../../src/sources/secrets.js";
import { fromEnv } from "../../src/sources/index.js";

describe("fetch helpers", () => {
  it("finds rel=next in a Link header, resolved against the response URL", () => {
    const header = '<https://api.example/items?page=3>; rel="last", </items?page=2>; rel="next"';
    assert.equal(
      findNextLink(header, "https://api.example/items"),
      "https://api.example/items?page=2",
    );
    assert.equal(
      findNextLink('<https://x.example/2>; rel="prev next"', "https://x.example/"),
      "https://x.example/2",
    );
    assert.equal(
      findNextLink('<https://x.example/2>; rel="prev"', "https://x.example/"),
      undefined,
    );
    assert.equal(findNextLink(null, "https://x.example/"), undefined);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("Wed, 01 May 2024 10:00:00 GMT");
    assert.equal(parseRetryAfter("3", now), 3000);
    assert.equal(parseRetryAfter("Wed, 01 May 2024 10:00:05 GMT", now), 5000);
    assert.equal(parseRetryAfter("Wed, 01 May 2024 09:00:00 GMT", now), 0);
    assert.equal(parseRetryAfter("soon", now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it("backs off exponentially with jitter between half and the whole step", () => {
    assert.equal(
      backoffDelay(1, 100, () => 0),
      50,
    );
    assert.equal(
      backoffDelay(1, 100, () => 1),
      100,
    );
    assert.equal(
      backoffDelay(3, 100, () => 0.5),
      300,
    );
    assert.equal(
      backoffDelay(30, 100, () => 1),
      30_000,
    );
  });

  it("redacts environment secrets in every form, and sensitive query values", () => {
    process.env.KILN_HELPER_SECRET = "a b/c";
    const secrets = new Secrets("s");
    assert.equal(secrets.reveal(fromEnv("KILN_HELPER_SECRET", (v) => `Token ${v}`)), "Token a b/c");
    assert.equal(secrets.redact("sent Token a b/c"), "sent [env:KILN_HELPER_SECRET:formatted]");
    assert.equal(secrets.redact("raw a b/c"), "raw [env:KILN_HELPER_SECRET]");
    assert.equal(
      secrets.redact("https://x/?k=a%20b%2Fc"),
      "https://x/?k=[env:KILN_HELPER_SECRET:url]",
    );
    assert.equal(
      secrets.restore("https://x/?k=[env:KILN_HELPER_SECRET:url]"),
      "https://x/?k=a%20b%2Fc",
    );
    assert.equal(
      secrets.redact("https://x/?api_key=123&author=5&access_token=zz&page=2"),
      "https://x/?api_key=[hidden]&author=5&access_token=[hidden]&page=2",
    );
  });
});
