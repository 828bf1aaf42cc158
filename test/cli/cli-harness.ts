// Runs the built dist/cli.js as a child process in temporary folders, and the fixtures the CLI tests share.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after } from 'node:test';

/** The bundle under test: out/test/cli/*.test.js -> dist/cli.js. */
export const CLI = resolve(__dirname, '../../../dist/cli.js');

/** What a run of the CLI gave. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` in `cwd`, without colors unless `env` says otherwise. */
export function runCli(cwd: string, args: string[], opts: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const env = { ...process.env, NO_COLOR: '1', ...opts.env };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input: opts.input ?? '', env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder holding `files` (path -> content), removed when the test file ends. */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnf-lint-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

/**
 * A Pod in a user namespace (so the user-namespace rules are quiet) with a privileged container
 * (error, line 12) and a host port (warning, line 15). It and the other pods below mount no API
 * token and come with a NetworkPolicy of their namespace (so the tenancy rules are quiet).
 */
/** The namespace's default-deny NetworkPolicy, shipped with the pods below so that network-policy-missing stays quiet. */
const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: cnf-default-deny
  namespace: cnf
spec:
  podSelector: {}
`;

export const POD = `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
spec:
  hostUsers: false
  containers:
    - name: upf
      image: registry.example/upf:1.0
      securityContext:
        privileged: true
      ports:
        - containerPort: 8805
          hostPort: 8805
  automountServiceAccountToken: false
---
${DEFAULT_DENY}`;

/** Turns the tenancy rules (RA2 gap 1) off, for tests whose own fixtures are about something else. */
export const GAP1_OFF = ['network-policy-missing', 'service-account-token-automounted', 'workload-in-default-namespace', 'namespace-tenant-guardrails-missing', 'multus-cross-namespace-attachment'].flatMap((id) => ['--rule', `${id}=off`]);

/** A Pod that draws no finding. */
export const CLEAN = `apiVersion: v1
kind: Pod
metadata:
  name: smf
  namespace: cnf
spec:
  hostUsers: false
  containers:
    - name: smf
      image: registry.example/smf:1.0
  automountServiceAccountToken: false
---
${DEFAULT_DENY}`;

/** A Pod whose only finding is the host port warning (line 11). */
export const HOST_PORT_ONLY = `apiVersion: v1
kind: Pod
metadata:
  name: amf
  namespace: cnf
spec:
  hostUsers: false
  containers:
    - name: amf
      ports:
        - hostPort: 38412
  automountServiceAccountToken: false
---
${DEFAULT_DENY}`;

export const PRIVILEGED_MESSAGE =
  "Container 'upf' runs privileged: it gets every capability and the node's devices. Drop privileged mode and add only the capabilities it needs (RA2 ra2.app.041).";
export const HOST_PORT_MESSAGE =
  "Container 'upf' binds host port 8805: the pod is tied to a port of its node and bypasses network policy. Expose it through a Service instead (RA2 ra2.app.047).";

/** The fixes --format json lists for the privileged container of POD. */
export const PRIVILEGED_FIXES = [
  { id: 'setFalse', title: 'Set privileged: false', preferred: true },
  { id: 'leastPrivilege', title: 'Least privilege: privileged false, no privilege escalation, drop ALL capabilities', preferred: false },
  { id: 'netAdmin', title: 'Least privilege with NET_ADMIN (the pod already runs in a user namespace)', preferred: false },
];

/** The --format json objects of POD's two findings, under a file name. */
export function podFindings(file: string) {
  return [
    { file, ruleId: 'privileged-container', severity: 'error', message: PRIVILEGED_MESSAGE, line: 12, column: 9, endLine: 12, endColumn: 25, fixes: PRIVILEGED_FIXES },
    {
      file,
      ruleId: 'host-namespace-sharing',
      severity: 'warning',
      message: HOST_PORT_MESSAGE,
      line: 15,
      column: 11,
      endLine: 15,
      endColumn: 25,
      fixes: [{ id: 'removeHostPort', title: 'Remove hostPort 8805', preferred: true }],
    },
  ];
}
