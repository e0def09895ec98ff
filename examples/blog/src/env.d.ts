import type { CollectionsOf } from "kiln-ssg";
import type config from "../kiln.config";

declare module "kiln-ssg" {
  interface Collections extends CollectionsOf<typeof config> {}
}
