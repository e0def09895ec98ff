import { definePlugin } from "kiln-ssg";

/**
 * A small plugin as a third party would write one: humans.txt (humanstxt.org) naming the
 * site's authors and listing its pages, written with the rest of the build.
 */
export function humansTxt(options: { team: string[] }) {
  return definePlugin({
    name: "humans-txt",
    hooks: {
      "kiln:output": async ({ config, routes, writeFile, has, logger }) => {
        if (has("humans.txt")) return logger.info("public/humans.txt kept as it is");
        const pages = routes.filter((route) => route.isPage && !route.isNotFound);
        const lines = [
          "/* TEAM */",
          ...options.team.map((name) => `Author: ${name}`),
          "",
          "/* SITE */",
          `Title: ${config.site.title}`,
          `Pages: ${pages.length}`,
          ...pages.map((route) => `  ${route.url}`),
        ];
        await writeFile("humans.txt", `${lines.join("\n")}\n`);
      },
    },
  });
}
