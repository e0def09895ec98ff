import { docsPage } from "./docs-url.js";
import { define } from "./define-error.js";

/** The errors of `kiln deploy`, object storage and the remote build cache. Part of `catalog` (catalog.ts). */
export const deployErrors = {
  // deploy, object storage and the remote build cache (issue 12)
  StorageCredentialsMissing: define<{ profile: string | undefined }>({
    code: "KILN_S3_CREDENTIALS_MISSING",
    title: "No credentials for the bucket",
    cause:
      "`kiln deploy` and the remote build cache need keys from the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) or a shared credentials profile, and found none.",
    message: ({ profile }) =>
      profile
        ? `No keys for profile "${profile}" in the shared credentials file, and AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set.`
        : "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, and no AWS_PROFILE names a profile.",
    hint: () =>
      "Export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys), or set AWS_PROFILE to a profile of ~/.aws/credentials.",
  }),
  StorageCredentialsRejected: define<{ bucket: string; source: string; code: string }>({
    code: "KILN_S3_CREDENTIALS",
    title: "The store rejected the credentials",
    cause:
      "The object store refused the keys: they are wrong, expired, or for another account or endpoint.",
    message: ({ bucket, source, code }) =>
      `The store refused the keys from ${source} for bucket "${bucket}" (${code}).`,
    hint: () =>
      "Check the access key id and secret (a typo, a revoked key, an expired session token) and that `region` matches the bucket's.",
  }),
  StorageBucketMissing: define<{ bucket: string; endpoint: string }>({
    code: "KILN_S3_NO_BUCKET",
    title: "The bucket does not exist",
    cause: "The bucket named in the config does not exist at that endpoint and region.",
    message: ({ bucket, endpoint }) => `There is no bucket "${bucket}" at ${endpoint}.`,
    hint: () => "Create the bucket first, or fix `bucket`, `region` or `endpoint` in the config.",
  }),
  StorageAccessDenied: define<{ bucket: string; operation: string; source: string }>({
    code: "KILN_S3_ACCESS_DENIED",
    title: "Access to the bucket was denied",
    cause: "The keys are valid, but their policy does not allow this operation on the bucket.",
    message: ({ bucket, operation, source }) =>
      `Bucket "${bucket}" denied ${operation} to the keys from ${source}.`,
    hint: () =>
      "Give those keys s3:ListBucket on the bucket and s3:GetObject, s3:PutObject and s3:DeleteObject on its objects.",
  }),
  StorageUnreachable: define<{
    endpoint: string;
    bucket: string;
    attempts: number;
    reason: string;
  }>({
    code: "KILN_S3_UNREACHABLE",
    title: "The object store did not answer",
    cause: "The object store failed or could not be reached on every retry.",
    message: ({ endpoint, bucket, attempts, reason }) =>
      `Bucket "${bucket}" at ${endpoint} failed ${attempts} times in a row (last: ${reason}).`,
    hint: () =>
      "Check the network and the endpoint, then run the command again: a deploy picks up where it stopped.",
  }),
  StorageRequestFailed: define<{
    bucket: string;
    operation: string;
    status: number;
    code: string;
    message: string;
  }>({
    code: "KILN_S3_REQUEST",
    title: "The object store refused a request",
    cause:
      "The object store answered a request with an error not covered by the other codes; its own code and message are shown.",
    message: ({ bucket, operation, status, code, message }) =>
      `Bucket "${bucket}" answered ${status} ${code} to ${operation}${message ? `: ${message}` : ""}.`,
    hint: () => "The store's message above says why; run the command again once it is fixed.",
  }),
  // a store that answers nonsense or not at all (issue 24)
  StorageBadAnswer: define<{ bucket: string; operation: string; problem: string }>({
    code: "KILN_S3_BAD_ANSWER",
    title: "The object store answered something Kiln cannot use",
    cause:
      "The store answered a request with success, but the answer is not what S3 sends: a listing that is not XML, or one that repeats its continuation token (it would never end). Kiln stops rather than act on it.",
    message: ({ bucket, operation, problem }) =>
      `Bucket "${bucket}" answered ${operation} with ${problem}; nothing more was changed.`,
    hint: () =>
      "Check that `endpoint` is the store's S3 API (not its website endpoint or a proxy's page), then run the command again.",
  }),
  StorageDeadline: define<{ bucket: string; seconds: number; operation: string }>({
    code: "KILN_S3_DEADLINE",
    title: "The object store took too long",
    cause:
      "`deploy.deadline` caps the whole deploy (and `deploy.requestTimeout` each try of a request); the store was still not done when it passed.",
    message: ({ bucket, seconds, operation }) =>
      `Bucket "${bucket}" was not done after ${seconds}s (waiting on ${operation}); the deploy stopped.`,
    hint: () =>
      "Run the command again (a deploy picks up where it stopped), or raise `deploy.deadline` in kiln.config.ts for a large site on a slow link.",
  }),
  DeployNotConfigured: define({
    code: "KILN_DEPLOY_CONFIG",
    title: "Nowhere to deploy to",
    cause: "`kiln deploy` uploads to the bucket in the config's `deploy.s3`, and there is none.",
    message: () => "The config has no `deploy.s3` section, so `kiln deploy` has no bucket.",
    hint: () =>
      `Add \`deploy: { s3: { bucket: "my-site", region: "eu-west-1" } }\` to kiln.config.ts (see ${docsPage("deploy")}).`,
  }),
  DeployTooManyDeletes: define<{ count: number; max: number }>({
    code: "KILN_DEPLOY_MAX_DELETES",
    title: "The deploy would delete too many files",
    cause:
      "A deploy deletes from the bucket what is gone from the output; more deletions than --max-deletes (256 by default) usually mean the wrong output folder or bucket, so the deploy stops before changing anything.",
    message: ({ count, max }) =>
      `This deploy would delete ${count} files from the bucket, more than --max-deletes ${max}; nothing was changed.`,
    hint: ({ count }) =>
      `Check the plan with --dry-run. If the deletions are meant, run again with --max-deletes ${count}.`,
  }),
  DeployHookFailed: define<{ command: string; status: string }>({
    code: "KILN_DEPLOY_HOOK",
    title: "The invalidation command failed",
    cause:
      "`deploy.invalidateCommand` ran after the upload and exited with an error or was killed; the files are deployed, the CDN may still serve old copies.",
    message: ({ command, status }) =>
      `The files are deployed, but the invalidation command \`${command}\` ${status}.`,
    hint: () =>
      "The changed URLs are in .kiln/deploy/invalidate.json; fix the command and run it by hand, or deploy again.",
  }),
} as const;
