export { describeCollections, type GraphqlModel, type JsonSchema } from "./model.js";
export { buildSchema } from "./build-schema.js";
export {
  createGraphqlRuntime,
  query,
  runWithGraphql,
  type GraphqlRuntime,
} from "./graphql-runtime.js";
export { graphqlTypes, writeGraphqlTypes } from "./typegen.js";
