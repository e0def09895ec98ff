import { define } from "./define-error.js";

/** The errors of `kiln check` of its own (the rest are the build's). Part of `catalog` (catalog.ts). */
export const checkErrors = {
  TypeCheckFailed: define<{ code: string; message: string }>({
    code: "KILN_TYPE_ERROR",
    title: "The project does not type-check",
    cause:
      "`kiln check` ran the project's `tsc --noEmit`, and TypeScript reported an error at this line.",
    message: ({ code, message }) => `${message} (TypeScript ${code})`,
    hint: () =>
      "Fix the code at this line. `kiln check` runs the project's `tsc --noEmit`: a typo such as `post.data.sumary` is caught here, where a build would render it as empty text.",
  }),
  TypeScriptMissing: define<{ root: string }>({
    code: "KILN_TYPESCRIPT_MISSING",
    title: "TypeScript is not installed in the project",
    cause:
      "`kiln check` type-checks with the project's own `typescript` package, and none is installed where the project can find it.",
    message: ({ root }) =>
      `The project has a tsconfig.json, but the \`typescript\` package cannot be found from ${root}, so its types were not checked.`,
    hint: () => "Run `npm install --save-dev typescript` in the project folder.",
  }),
  TypeCheckRun: define<{ reason: string }>({
    code: "KILN_TYPE_CHECK_RUN",
    title: "tsc could not run",
    cause:
      "`kiln check` could not run tsc, or tsc failed without reporting a type error (a broken tsconfig.json, for example).",
    message: ({ reason }) => `tsc --noEmit could not run: ${reason}`,
    hint: () => "Run `npx tsc --noEmit` in the project folder to see why.",
  }),
} as const;
