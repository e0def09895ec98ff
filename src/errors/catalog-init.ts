import { define } from "./define-error.js";

/** The errors of `kiln init`. Part of `catalog` (catalog.ts). */
export const initErrors = {
  InitTemplateUnknown: define<{ template: string; templates: readonly string[] }>({
    code: "KILN_INIT_TEMPLATE",
    title: "Unknown starter template",
    cause: "`kiln init --template` names a starter that does not exist.",
    message: ({ template, templates }) =>
      `There is no template "${template}"; the templates are ${templates.join(", ")}.`,
    hint: ({ templates }) => `Run \`kiln init my-site --template ${templates[0]}\`.`,
  }),
  InitFolderNotEmpty: define<{ folder: string; entries: readonly string[] }>({
    code: "KILN_INIT_NOT_EMPTY",
    title: "The new project's folder is not empty",
    cause:
      "`kiln init` writes only into an empty folder, so none of your files is overwritten, unless --force is given.",
    message: ({ folder, entries }) =>
      `${folder} is not empty (it has ${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}); ` +
      `kiln init writes only into an empty folder so that nothing of yours is overwritten.`,
    hint: () =>
      "Name a new folder (`kiln init my-site`), or add --force to write the template's files over the ones there (other files are left alone).",
  }),
  InitTargetNotFolder: define<{ path: string }>({
    code: "KILN_INIT_NOT_FOLDER",
    title: "The new project's path is a file",
    cause: "The path given to `kiln init` is a file.",
    message: ({ path }) => `${path} is a file, not a folder.`,
    hint: () => "Name a folder that does not exist yet, such as `kiln init my-site`.",
  }),
  InitNeedsFlags: define<{ missing: string }>({
    code: "KILN_INIT_FLAGS",
    title: "kiln init needs flags when it cannot ask",
    cause:
      "Off a terminal (CI, a pipe) `kiln init` cannot ask questions, so the folder and --template must be on the command line.",
    message: ({ missing }) =>
      `kiln init asks for the folder and the template only on a terminal; here (CI, a pipe) ${missing} must be given.`,
    hint: () =>
      "Run `kiln init <folder> --template blog` (or docs, minimal), for example `kiln init my-site --template blog`.",
  }),
};
