export { deploy, type DeployOptions, type DeployResult } from "./run-deploy.js";
export type { DeployPlan, DeployRedirect, PlannedUpload } from "./deploy-plan.js";
