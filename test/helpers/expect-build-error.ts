import assert from "node:assert/strict";
import path from "node:path";
import { kilnLeftovers, type Project } from "./build-fixture.js";

export interface ExpectedError {
  code: string;
  /** The location Kiln must print, relative to the project root: `src/x.md:3:7` or a prefix of it. */
  at?: string;
  /** Text the message must contain. */
  message?: RegExp;
}

/**
 * Builds once to have an output, applies a bad edit, builds again and checks what a user
 * must get: exit 1, the error code and location, no stack trace, the old output untouched.
 */
export async function expectBuildError(
  project: Project,
  edit: () => Promise<void>,
  expected: ExpectedError,
  buildArgs: string[] = [],
): Promise<string> {
  const first = await project.build(...buildArgs);
  assert.equal(first.code, 0, `the good build failed: ${first.stderr}`);
  const before = await project.snapshot();
  await edit();
  const result = await project.build(...buildArgs);
  assert.equal(
    result.code,
    1,
    `expected exit 1, got ${result.code}: ${result.stdout}${result.stderr}`,
  );
  assert.match(result.stderr, new RegExp(`^error ${expected.code}: `), result.stderr);
  if (expected.at) {
    const at = path.join(project.root, expected.at);
    assert.ok(result.stderr.includes(`at ${at}`), `expected location ${at} in:\n${result.stderr}`);
  }
  if (expected.message) assert.match(result.stderr, expected.message);
  assert.doesNotMatch(result.stderr, /^ {4}at /m, "a stack trace was printed without --debug");
  assert.deepEqual(await project.snapshot(), before, "the previous output changed");
  assert.deepEqual(await kilnLeftovers(project.outDir), [], "a staging folder was left behind");
  return result.stderr;
}
