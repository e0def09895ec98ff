import { deploy, type DeployResult } from "../deploy/index.js";
import { formatBytes } from "./format-summary.js";
import { createProgressLine } from "./progress-line.js";

/** How many keys of each list the plan prints before "… and N more". */
const SHOWN = 40;

/** `kiln deploy`: the plan, then the upload; a dry run stops after the plan. */
export async function runDeploy(command: {
  root: string;
  outDir: string | undefined;
  dryRun: boolean;
  maxDeletes: number | undefined;
}): Promise<number> {
  const line = createProgressLine(process.stderr);
  try {
    const result = await deploy({
      root: command.root,
      outDir: command.outDir,
      dryRun: command.dryRun,
      maxDeletes: command.maxDeletes,
      log: (message) => process.stderr.write(`${message}\n`),
      onProgress: ({ done, total, bytes }) =>
        line.update({ stage: "deploy", detail: formatBytes(bytes), done, total, unit: "files" }),
    });
    line.clear();
    process.stdout.write(formatDeploy(result));
    return 0;
  } finally {
    line.clear();
  }
}

export function formatDeploy(result: DeployResult): string {
  const { plan } = result;
  const uploads = [...plan.phases.assets, ...plan.phases.pages];
  const where = `s3://${result.bucket}/${result.prefix}`;
  const lines = [`Deploying to ${where} with credentials from ${result.credentialsSource}.`];
  if (result.dryRun) {
    for (const item of uploads.slice(0, SHOWN))
      lines.push(
        `  upload  ${item.key} (${formatBytes(item.size)}${item.replaces ? ", changed" : ", new"})`,
      );
    if (uploads.length > SHOWN) lines.push(`  … and ${uploads.length - SHOWN} more uploads`);
    for (const key of plan.deletes.slice(0, SHOWN)) lines.push(`  delete  ${key}`);
    if (plan.deletes.length > SHOWN)
      lines.push(`  … and ${plan.deletes.length - SHOWN} more deletions`);
    lines.push(
      `Dry run: would upload ${count(uploads.length, "file")} (${formatBytes(plan.uploadBytes)}), delete ${plan.deletes.length}, keep ${plan.unchanged} unchanged. Nothing was changed.`,
    );
    return lines.join("\n") + "\n";
  }
  lines.push(
    `Uploaded ${count(result.uploaded.length, "file")} (${formatBytes(plan.uploadBytes)}), deleted ${result.deleted.length}, ${plan.unchanged} unchanged, in ${result.seconds.toFixed(2)}s.`,
  );
  if (result.urls.length > 0) {
    lines.push(
      `Changed URLs to invalidate (${result.urls.length}, in ${result.invalidationFile}):`,
    );
    for (const url of result.urls.slice(0, SHOWN)) lines.push(`  ${url}`);
    if (result.urls.length > SHOWN) lines.push(`  … and ${result.urls.length - SHOWN} more`);
  }
  return lines.join("\n") + "\n";
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
