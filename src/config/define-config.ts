import type { KilnUserConfig } from "./schema.js";
import type { InferOutput } from "./standard-schema.js";

/** Types a config file. The literal type is kept so collections can be typed from it. */
export function defineConfig<const C extends KilnUserConfig>(config: C): C {
  return config;
}

/**
 * The data type of every collection declared in a config:
 * `declare module "kiln-ssg" { interface Collections extends CollectionsOf<typeof config> {} }`.
 */
export type CollectionsOf<C extends KilnUserConfig> = {
  [K in keyof NonNullable<C["collections"]>]: InferOutput<
    NonNullable<C["collections"]>[K]["schema"]
  >;
};
