import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { copyProject, type Project } from "../helpers/build-fixture.js";

describe("i18n: locales with a default one", () => {
  let project: Project;
  before(async () => {
    project = await copyProject("i18n");
    const result = await project.build();
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.cleanup());

  const alternates = (html: string) =>
    [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );

  it("gives each page its locale's lang, from the first segment of its URL", async () => {
    assert.match(await project.read("index.html"), /<html lang="en">/);
    assert.match(await project.read("fr/about/index.html"), /<html lang="fr">/);
    assert.match(await project.read("de/about/index.html"), /<html lang="de">/);
    assert.match(await project.read("only/index.html"), /<html lang="en">/);
  });

  it("links each page to its versions in other languages, with x-default", async () => {
    const expected = [
      "en https://example.org/about/",
      "de https://example.org/de/about/",
      "fr https://example.org/fr/about/",
      "x-default https://example.org/about/",
    ].sort();
    for (const file of ["about/index.html", "fr/about/index.html", "de/about/index.html"])
      assert.deepEqual(alternates(await project.read(file)).sort(), expected, file);
    assert.deepEqual(alternates(await project.read("fr/index.html")).sort(), [
      "en https://example.org/",
      "fr https://example.org/fr/",
      "x-default https://example.org/",
    ]);
    assert.deepEqual(alternates(await project.read("only/index.html")), []);
  });

  it("lists the alternates in the sitemap", async () => {
    const sitemap = await project.read("sitemap.xml");
    assert.match(sitemap, /xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml"/);
    assert.match(
      sitemap,
      /<url><loc>https:\/\/example.org\/fr\/about\/<\/loc>(<xhtml:link [^>]*\/>){4}<\/url>/,
    );
    assert.match(
      sitemap,
      /<xhtml:link rel="alternate" hreflang="x-default" href="https:\/\/example.org\/about\/"\/>/,
    );
    assert.match(sitemap, /<url><loc>https:\/\/example.org\/only\/<\/loc><\/url>/);
  });
});
