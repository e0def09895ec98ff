import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { KilnError, catalog } from "../errors/index.js";

/** Keys for signing requests. Never printed, logged or written: only `source` is shown. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  /** Where they came from, for messages: "environment variables AWS_ACCESS_KEY_ID, …". */
  source: string;
}

/**
 * The standard variables first (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN),
 * then AWS_PROFILE's section of the shared credentials file (AWS_SHARED_CREDENTIALS_FILE or
 * ~/.aws/credentials). SSO, instance roles and credential_process are the SDK's job: export
 * their keys into the environment (`aws configure export-credentials --format env`).
 */
export async function resolveCredentials(
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials> {
  const { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret } = env;
  if (id && secret) {
    const token = env.AWS_SESSION_TOKEN || undefined;
    const names = [
      "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY",
      ...(token ? ["AWS_SESSION_TOKEN"] : []),
    ];
    return {
      accessKeyId: id,
      secretAccessKey: secret,
      sessionToken: token,
      source: `environment variables ${names.join(", ")}`,
    };
  }
  const profile = env.AWS_PROFILE || (env.AWS_SHARED_CREDENTIALS_FILE ? "default" : undefined);
  if (profile) {
    const file = env.AWS_SHARED_CREDENTIALS_FILE || path.join(homedir(), ".aws", "credentials");
    const section = parseIni(await readFile(file, "utf8").catch(() => ""))[profile];
    if (section?.aws_access_key_id && section.aws_secret_access_key) {
      return {
        accessKeyId: section.aws_access_key_id,
        secretAccessKey: section.aws_secret_access_key,
        sessionToken: section.aws_session_token || undefined,
        source: `profile "${profile}" in ${file}`,
      };
    }
  }
  throw new KilnError(catalog.StorageCredentialsMissing({ profile }));
}

/** `[name]` sections of `key = value` lines; enough for the shared credentials file. */
function parseIni(text: string): Record<string, Record<string, string>> {
  const sections = Object.create(null) as Record<string, Record<string, string>>;
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[\s*(?:profile\s+)?([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      current = Object.create(null) as Record<string, string>;
      sections[header[1]!] = current;
      continue;
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (pair && current) current[pair[1]!.toLowerCase()] = pair[2]!;
  }
  return sections;
}
