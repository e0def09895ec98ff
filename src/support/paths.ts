import path from "node:path";

/** Containment by `path.relative`, never by string prefix (`/site/dist-old` is not in `/site/dist`). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  if (relative === "") return true;
  return relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** A project-relative path with `/` separators, the same on every OS: for output and manifests. */
export function toPosix(relative: string): string {
  return relative.split(path.sep).join("/");
}
