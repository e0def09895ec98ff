import { definePlugin, type KilnPlugin } from "../plugins/index.js";
import { indexPages, type IndexedPage } from "./pagefind-index.js";

/** Folder of the index and its browser library, in the output. Not `_kiln/`: that is hashed
 * files cached for a year, and `pagefind.js` keeps its name from build to build. */
export const SEARCH_DIR = "pagefind";

/**
 * Built in, on when `search` is set: a static search index of every page (not the 404 page)
 * and the browser library that queries it, in `pagefind/`. Pages are read from the staging
 * folder and handed to the indexer one at a time, so memory in Kiln stays one page whatever
 * the site's size; the files go out through `writeFile`, so they are swapped in with the rest
 * of the build or not at all.
 */
export function searchPlugin(): KilnPlugin {
  return definePlugin({
    name: "kiln:search",
    hooks: {
      "kiln:output": async ({ config, routes, readFile, writeFile, logger }) => {
        if (config.search === false) return;
        const exclude = config.search === true ? [] : config.search.exclude;
        async function* pages(): AsyncGenerator<IndexedPage> {
          for (const route of routes) {
            if (!route.isPage || route.isNotFound) continue;
            const html = Buffer.from(await readFile(route.outputPath)).toString("utf8");
            // Base-less: Pagefind puts its bundle's parent folder (`site.base`) before it.
            yield { url: route.url, file: route.pageFile, html };
          }
        }
        const { files } = await indexPages(pages(), { exclude, logger });
        for (const file of files) await writeFile(`${SEARCH_DIR}/${file.path}`, file.content);
      },
    },
  });
}
