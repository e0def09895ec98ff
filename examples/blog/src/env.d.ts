import type { CollectionsOf } from "kiln";
import type config from "../kiln.config";

declare module "kiln" {
  interface Collections extends CollectionsOf<typeof config> {}
}
