import { useContext } from "preact/hooks";
import { KilnError, catalog } from "../errors/index.js";
import { IslandContext } from "./page-assets.js";

/**
 * Runs a client module on the page: `import theme from "../scripts/theme.ts?client"`, then
 * `<Script src={theme} />` in a page, layout or component. The module is bundled and
 * minified with the islands; the page gets one `<script type="module">` for it, however
 * often it is used.
 */
export function Script(props: { src: string }): null {
  const { collector } = useContext(IslandContext);
  if (!collector) return null;
  if (!collector.manifest?.scripts.has(props.src))
    throw new KilnError(catalog.ScriptUnbundled({ src: props.src }));
  collector.scripts.add(props.src);
  return null;
}
