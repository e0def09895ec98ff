import type { SourceLogger } from "../content/index.js";
import { loadConfig } from "../config/index.js";
import { outputPathKey } from "../routes/index.js";
import { checkOutput } from "./check-output.js";
import { writePluginOutputs } from "./plugin-outputs.js";
import { prepareSite } from "./prepare-site.js";
import { cacheDirOf, resolveProjectPaths } from "./project-paths.js";
import type { Staging } from "./staging.js";

/**
 * What a shard cannot do, done over the merged output: the whole-site files of the plugins'
 * `kiln:output` hooks (sitemap, feeds, redirects, headers) and the checks of every page. The
 * project's pages are loaded again, not rendered, for the route table and the content.
 */
export async function finishSite(options: {
  root: string;
  staging: Staging;
  /** The merged files, relative to the output. */
  files: Iterable<string>;
  logger: SourceLogger;
}): Promise<{ files: number }> {
  const { root, logger } = options;
  const { config, url, file } = await loadConfig(root, cacheDirOf(root));
  const paths = resolveProjectPaths(root, config);
  const site = await prepareSite({
    root,
    config,
    paths,
    sharedCacheDir: paths.cacheDir,
    logger,
    markdownImages: false,
    drafts: false,
    configModule: url && file ? { url, file } : undefined,
  });
  const written = await writePluginOutputs({
    plugins: site.plugins,
    config,
    table: site.table,
    staging: options.staging,
    taken: new Map([...options.files].map((f) => [outputPathKey(f), f])),
    runtime: site.runtime,
    runtimeSpec: site.runtimeSpec,
  });
  await checkOutput({
    config,
    root,
    table: site.table,
    dir: options.staging.dir,
    warn: site.warn,
  });
  return { files: written.files };
}
