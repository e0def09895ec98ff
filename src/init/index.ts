export { initProject, packageName, type InitOptions, type InitResult } from "./init-project.js";
export { TEMPLATES, TEMPLATE_NAMES, isTemplateName, type TemplateName } from "./templates.js";
