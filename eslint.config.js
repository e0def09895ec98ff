// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Stage folders: code outside a stage reaches it only through its index.ts. */
const STAGES = [
  "assets",
  "build",
  "cli",
  "compile",
  "config",
  "content",
  "dev",
  "errors",
  "markdown",
  "render",
  "routes",
  "serve",
  "shard",
  "sources",
  "support",
  "workers",
];

export default tseslint.config(
  {
    ignores: [
      ".dependency-cruiser.cjs",
      "lib/",
      "node_modules/",
      "**/dist/",
      "**/.kiln/",
      "test/fixtures/",
      "examples/",
      "docs/",
      "bench/results/",
      "bench/vendor/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js", "bin/*.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/only-throw-error": "off",
      "@typescript-eslint/restrict-template-expressions": "off",
      "@typescript-eslint/no-base-to-string": "off",
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "ImportDeclaration[source.value=/^(assert|async_hooks|child_process|crypto|events|fs|http|https|net|os|path|readline|stream|url|util|worker_threads|zlib)(\\/.*)?$/]",
          message: "Import Node built-ins with the node: prefix.",
        },
      ],
    },
  },
  {
    // Browser code: it ships to every visitor and cannot reach Node or the build's stages.
    files: ["src/client/**/*.ts", "src/dev-client/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^node:", message: "Browser code cannot import Node built-ins." },
            { regex: "^\\.\\./", message: "Browser code cannot import Kiln's build stages." },
            { regex: "^kiln$", message: "Browser code cannot import the kiln package." },
          ],
        },
      ],
    },
  },
  { files: ["bin/*.js"], languageOptions: { globals: { process: "readonly" } } },
  ...STAGES.map((stage) => ({
    files: [`src/${stage}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^\\.\\./(?!${stage}/)[^/]+/(?!index\\.js$)`,
              message: "Import another stage only through its index.ts.",
            },
          ],
        },
      ],
    },
  })),
  {
    files: ["test/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      // describe() and it() return promises that node:test itself awaits.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["describe", "it", "test", "suite"] },
          ],
        },
      ],
    },
  },
);
