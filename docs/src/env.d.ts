import type { CollectionsOf } from "kiln-ssg";
import type config from "../kiln.config";

// Types every getCollection("docs") call from the schema in kiln.config.ts.
declare module "kiln-ssg" {
  interface Collections extends CollectionsOf<typeof config> {}
}
