import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { copyProject, type Project } from "../helpers/build-fixture.js";

const TAGS = ["alpha", "beta", "gamma", "delta"];

/**
 * test/fixtures/many-pages with `count` generated posts: headings, emphasis, code, a table
 * every third post, links between posts. `explode` makes one post's page throw.
 */
export async function manyPagesProject(count: number, explode: number[] = []): Promise<Project> {
  const project = await copyProject("many-pages");
  const folder = path.join(project.root, "src/content/posts");
  await mkdir(folder, { recursive: true });
  for (let i = 1; i <= count; i++) {
    const id = `post-${String(i).padStart(3, "0")}`;
    const tags = [TAGS[i % TAGS.length], TAGS[(i * 7) % TAGS.length]];
    const body = [
      `## Part one of ${id}`,
      `Some *emphasis*, **strong** text and \`code()\`; see [the next post](/posts/post-${String((i % count) + 1).padStart(3, "0")}/).`,
      `## Part two of ${id}`,
      "```ts\nexport const n = " + i + ";\n```",
      i % 3 === 0 ? "| a | b |\n| --- | --- |\n| 1 | 2 |" : "> A quote.",
      // A link to a markdown page by file: workers must rewrite it as the main thread does.
      i % 10 === 0 ? "See [about](../../pages/about.md)." : "",
    ].join("\n\n");
    const frontMatter = [
      "---",
      `title: "Post ${i}"`,
      `date: 2024-01-${String((i % 28) + 1).padStart(2, "0")}`,
      `tags: [${[...new Set(tags)].join(", ")}]`,
      ...(explode.includes(i) ? ["explode: true"] : []),
      "---",
    ].join("\n");
    await writeFile(path.join(folder, `${id}.md`), `${frontMatter}\n\n${body}\n`);
  }
  return project;
}
