import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Eleventy 3.x lives in a scratch folder: it is the benchmark's peer, not Kiln's dependency. */
const ELEVENTY_SPEC = "@11ty/eleventy@3";

export interface Peers {
  hugo: string | undefined;
  eleventy: string | undefined;
  eleventyCli: string;
}

/** Finds Hugo (installing Debian's package when possible) and installs Eleventy when missing. */
export function ensurePeers(scratch: string, wanted: { hugo: boolean; eleventy: boolean }): Peers {
  const peersDir = path.join(scratch, "peers");
  const eleventyCli = path.join(peersDir, "node_modules/@11ty/eleventy/cmd.cjs");
  if (wanted.eleventy && !existsSync(eleventyCli)) {
    mkdirSync(peersDir, { recursive: true });
    writeFileSync(path.join(peersDir, "package.json"), '{ "private": true }\n');
    console.error(`installing ${ELEVENTY_SPEC} into ${peersDir}`);
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", ELEVENTY_SPEC], {
      cwd: peersDir,
      stdio: "inherit",
    });
  }
  let hugo = versionOf("hugo", ["version"]);
  if (wanted.hugo && !hugo && process.getuid?.() === 0) {
    console.error("installing Debian's hugo package");
    spawnSync("apt-get", ["install", "-y", "-q", "hugo"], { stdio: "inherit" });
    hugo = versionOf("hugo", ["version"]);
  }
  const eleventy = existsSync(eleventyCli)
    ? versionOf(process.execPath, [eleventyCli, "--version"])
    : undefined;
  return { hugo, eleventy, eleventyCli };
}

function versionOf(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim().split("\n")[0] : undefined;
}
