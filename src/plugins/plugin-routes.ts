import type { RouteTable } from "../routes/index.js";
import type { PluginRoute } from "./plugin.js";

/** The route table as plugins see it: frozen copies, so no hook can change what renders. */
export function pluginRoutes(table: RouteTable): readonly PluginRoute[] {
  return Object.freeze(
    table.routes.map((route) =>
      Object.freeze({
        url: route.url,
        outputPath: route.outputPath,
        pageFile: route.page.relative,
        file: route.page.file,
        isNotFound: route.page.isNotFound,
        isPage: route.page.endpoint === undefined,
        props: route.props,
        data: route.data,
        locale: route.locale,
        alternates: route.alternates,
      }),
    ),
  );
}
