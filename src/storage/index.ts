export { resolveCredentials, type Credentials } from "./credentials.js";
export {
  createS3Client,
  type S3Client,
  type S3ClientOptions,
  type ListedObject,
  type PutOptions,
} from "./s3-client.js";
export type { BucketLocation } from "./s3-request.js";
