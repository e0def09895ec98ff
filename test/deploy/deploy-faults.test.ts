import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { copyProject, listFiles, runKiln, type Project } from "../helpers/build-fixture.js";
import {
  S3_ENV,
  configureBucket,
  startFaultProxy,
  startS3Server,
  type FaultProxy,
  type S3Server,
} from "../helpers/s3-server.js";

const NO_KEYS = {
  AWS_ACCESS_KEY_ID: "",
  AWS_SECRET_ACCESS_KEY: "",
  AWS_SESSION_TOKEN: "",
  AWS_PROFILE: "",
};

describe("kiln deploy when things go wrong", () => {
  let s3: S3Server;
  let proxy: FaultProxy;
  const projects: Project[] = [];
  /** The `deployable` fixture configured for `bucket` through the fault proxy. */
  async function site(bucket: string): Promise<Project> {
    const project = await copyProject("deployable");
    projects.push(project);
    await configureBucket(project.root, proxy.endpoint, { deploy: bucket });
    const built = await project.build();
    assert.equal(built.code, 0, built.stderr);
    return project;
  }
  const deploy = (project: Project, env: NodeJS.ProcessEnv = S3_ENV) =>
    runKiln(["deploy", project.root], { env });
  before(async () => {
    s3 = await startS3Server(["faults", "creds", "stopped"]);
    proxy = await startFaultProxy(s3.endpoint);
  });
  after(async () => {
    await proxy?.close();
    await s3?.close();
    for (const project of projects) await project.cleanup();
  });

  it("names wrong keys, and where they came from, without printing them", async () => {
    const project = await site("creds");
    const secret = "not-the-right-secret-123";
    const result = await deploy(project, {
      AWS_ACCESS_KEY_ID: "WRONGKEY",
      AWS_SECRET_ACCESS_KEY: secret,
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_S3_CREDENTIALS\b/);
    assert.match(result.stderr, /environment variables AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY/);
    assert.doesNotMatch(result.stderr + result.stdout, new RegExp(`${secret}|WRONGKEY`));
    assert.doesNotMatch(result.stderr, /\n\s+at /, "a stack trace was printed");
  });

  it("says when there are no keys at all, and reads a profile from the credentials file", async () => {
    const project = await site("creds");
    const home = await mkdtemp(path.join(tmpdir(), "kiln-home-"));
    const missing = await deploy(project, { ...NO_KEYS, HOME: home });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /KILN_S3_CREDENTIALS_MISSING/);
    const file = path.join(home, "credentials");
    await writeFile(
      file,
      "[default]\naws_access_key_id = nope\n\n[ci]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n",
    );
    const result = await deploy(project, {
      ...NO_KEYS,
      HOME: home,
      AWS_PROFILE: "ci",
      AWS_SHARED_CREDENTIALS_FILE: file,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`profile "ci" in ${file}`));
    await rm(home, { recursive: true });
  });

  it("names a bucket that does not exist", async () => {
    const project = await site("no-such-bucket");
    const result = await deploy(project);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /KILN_S3_NO_BUCKET/);
    assert.match(result.stderr, /"no-such-bucket"/);
  });

  it("retries SlowDown answers, and reports denied access with a code", async () => {
    const project = await site("faults");
    proxy.failNext(2, "PUT", 503, "SlowDown");
    const slow = await deploy(project);
    assert.equal(slow.code, 0, slow.stderr);
    await writeFile(path.join(project.root, "public/extra.txt"), "new file\n");
    assert.equal((await project.build()).code, 0);
    proxy.failNext(1, "PUT", 403, "AccessDenied");
    const denied = await deploy(project);
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, /KILN_S3_ACCESS_DENIED/);
    assert.match(denied.stderr, /denied PUT extra\.txt/);
  });

  it("fails with a code when the server stops mid-deploy, and a rerun finishes the job", async () => {
    const project = await site("stopped");
    const deploying = deploy(project);
    await proxy.holdAfterPuts(2);
    await s3.stop();
    proxy.dropHeld();
    const failed = await deploying;
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /KILN_S3_UNREACHABLE/);
    await s3.restart();
    const rerun = await deploy(project);
    assert.equal(rerun.code, 0, rerun.stderr);
    const keys = (await s3.client("stopped").list("")).map((o) => o.key);
    assert.deepEqual(
      keys.sort(),
      [
        ".kiln-deploy.json",
        // Host configuration stays out of the bucket.
        ...(await listFiles(project.outDir)).filter((f) => !/^_(headers|redirects)/.test(f)),
      ].sort(),
    );
  });
});
