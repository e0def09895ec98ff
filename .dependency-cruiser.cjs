/** Import rules that keep the stages apart (see STYLE.md): no cycles, browser code never in Node. */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles make stages impossible to reason about or load in isolation.",
      from: {},
      to: { circular: true },
    },
    {
      name: "client-has-no-node",
      severity: "error",
      comment: "Code that runs in the browser must not import Node built-ins.",
      from: { path: "^src/client/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
  },
};
