import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import {
  ContentStore,
  isoDate,
  reference,
  runWithStore,
  type Entry,
} from "../../src/content/index.js";
import { createGraphqlRuntime, describeCollections } from "../../src/graphql/index.js";

function entry(collection: string, id: string, data: Record<string, unknown>): Entry {
  return { id, collection, data, body: "", digest: id, origin: { url: `mem:${id}` } };
}

/** The schema comes from zod, so these entries (none with `subtitle`) cannot narrow it. */
const collections = {
  posts: {
    schema: z.object({
      title: z.string(),
      date: isoDate(),
      subtitle: z.string().optional(),
      "og-image": z.string().nullable().default(null),
      id: z.string().optional(),
      meta: z.record(z.string(), z.number()).optional(),
      author: reference("authors"),
    }),
  },
  authors: { schema: z.object({ name: z.string() }) },
  // Declared with fields and holding no entry at all: still a type with those fields.
  events: { schema: z.object({ starts: isoDate(), place: z.string().optional() }) },
};

function run(store: ContentStore, source: string, variables?: Record<string, unknown>) {
  const runtime = createGraphqlRuntime(
    describeCollections(collections, [...store.names(), "notes"]),
  );
  return runWithStore(store, () => runtime.execute(source, variables));
}

describe("the GraphQL schema is the zod schemas', never the entries'", () => {
  const store = new ContentStore();
  const ada = { collection: "authors", id: "ada" };
  store.set(entry("authors", "ada", { name: "Ada" }));
  store.set(
    entry("posts", "a", {
      title: "A",
      date: new Date("2024-01-02T00:00:00Z"),
      author: ada,
      "og-image": null,
    }),
  );
  store.set(
    entry("posts", "b", {
      title: "B",
      date: new Date("2024-05-06T00:00:00Z"),
      author: ada,
      "og-image": "/b.png",
      id: "custom",
    }),
  );
  store.set(entry("notes", "n", { free: { form: true } }));
  store.addCollection("events");

  it("an optional field no entry has, and a collection with no entries, are queryable", () => {
    const result = run(store, "{ allPosts { subtitle } allEvents { starts place } }");
    assert.equal(result.errors, undefined);
    assert.deepEqual(JSON.parse(JSON.stringify(result.data)), {
      allPosts: [{ subtitle: null }, { subtitle: null }],
      allEvents: [],
    });
  });

  it("names GraphQL cannot carry are renamed; an entry's own id stays the entry's", () => {
    const result = run(store, '{ post(id: "b") { id id_ og_image meta author { name } } }');
    assert.equal(result.errors, undefined);
    assert.deepEqual(JSON.parse(JSON.stringify(result.data)), {
      post: { id: "b", id_: "custom", og_image: "/b.png", meta: null, author: { name: "Ada" } },
    });
  });

  it("where takes dates as ISO strings, sort takes a field and refuses others", () => {
    const where = run(store, '{ allPosts(where: { date: "2024-05-06" }) { id } }');
    assert.deepEqual(JSON.parse(JSON.stringify(where.data)), { allPosts: [{ id: "b" }] });
    const sorted = run(store, '{ allPosts(sort: "-date", limit: 1) { id date } }');
    assert.deepEqual(JSON.parse(JSON.stringify(sorted.data)), {
      allPosts: [{ id: "b", date: "2024-05-06T00:00:00.000Z" }],
    });
    const wrong = run(store, '{ allPosts(sort: "weight") { id } }');
    assert.match(
      wrong.errors?.[0]?.message ?? "",
      /sort: "weight" is not a field of the collection/,
    );
    const badDate = run(store, '{ allPosts(where: { date: "2024-02-31" }) { id } }');
    assert.match(badDate.errors?.[0]?.message ?? "", /is not an ISO 8601 date/);
  });

  it("a collection without a zod schema gives its data as one JSON field", () => {
    const result = run(store, '{ note(id: "n") { id data } }');
    assert.deepEqual(JSON.parse(JSON.stringify(result.data)), {
      note: { id: "n", data: { free: { form: true } } },
    });
  });
});
