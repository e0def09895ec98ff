import { define } from "./define-error.js";

/** Errors of what pages ask of the document around them. Part of `catalog` (catalog.ts). */
export const renderErrors = {
  RootAttributeInvalid: define<{ element: string; name: string }>({
    code: "KILN_ROOT_ATTRIBUTE",
    title: "An attribute of <html> or <body> is not allowed",
    cause:
      "`<Head><html …/><body …/></Head>` sets attributes of the page's `<html>` and `<body>`; an event handler (`on…`) would be inline script the Content-Security-Policy refuses, and a name with spaces or quotes is no attribute.",
    message: ({ element, name }) =>
      `<${element}> in <Head> sets "${name}", which is not an attribute Kiln writes there.`,
    hint: () =>
      "Use class, id, dir, lang, style, data-* or aria-* attributes; attach behaviour from a script or an island.",
  }),
} as const;
