import { fileSource } from "../content/index.js";
import type { KilnError } from "../errors/index.js";
import { definePlugin, type KilnPlugin } from "../plugins/index.js";

/**
 * Kiln's own content sources, on the plugin API like anyone's: the files of src/content/
 * (`kiln:files`), then the config's `sources` (`kiln:sources`), added in the `kiln:config`
 * hook before the user's plugins add theirs. `onInvalid` gets each file that does not parse
 * instead of the first failing the load (`kiln check`).
 */
export function sourcePlugins(
  contentDir: string,
  onInvalid?: (error: KilnError) => void,
): KilnPlugin[] {
  return [
    definePlugin({
      name: "kiln:files",
      hooks: {
        "kiln:config": ({ config, addSource }) =>
          addSource(fileSource(contentDir, { onInvalid, collections: config.collections })),
      },
    }),
    definePlugin({
      name: "kiln:sources",
      hooks: {
        "kiln:config": ({ config, addSource }) => {
          for (const source of config.sources) addSource(source);
        },
      },
    }),
  ];
}
