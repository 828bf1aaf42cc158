// Workload fixtures for the user-namespace rule tests: one pod spec body wrapped in every workload kind.

/** A workload kind, its header text up to its pod spec's `spec:` key, and where that key sits. */
export interface WorkloadKind {
  kind: string;
  header: string;
  /** 1-based line and column of the pod spec's `spec` key. */
  specLine: number;
  specColumn: number;
  /** Indentation of the pod spec's own keys. */
  indent: number;
}

/** Every kind with a pod spec, its pod spec key at a known position. */
export const WORKLOAD_KINDS: WorkloadKind[] = [
  { kind: 'Pod', header: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: upf\nspec:\n', specLine: 5, specColumn: 1, indent: 2 },
  ...['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].map((kind) => ({
    kind,
    header: `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: upf\nspec:\n  selector: {matchLabels: {app: upf}}\n  template:\n    metadata:\n      labels: {app: upf}\n    spec:\n`,
    specLine: 10,
    specColumn: 5,
    indent: 6,
  })),
  { kind: 'Job', header: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: upf\nspec:\n  template:\n    spec:\n', specLine: 7, specColumn: 5, indent: 6 },
  {
    kind: 'CronJob',
    header: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: upf\nspec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n',
    specLine: 10,
    specColumn: 9,
    indent: 10,
  },
  {
    kind: 'ReplicationController',
    header: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: upf\nspec:\n  selector: {app: upf}\n  template:\n    metadata:\n      labels: {app: upf}\n    spec:\n',
    specLine: 10,
    specColumn: 5,
    indent: 6,
  },
  { kind: 'PodTemplate', header: 'apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: upf\ntemplate:\n  spec:\n', specLine: 6, specColumn: 3, indent: 4 },
];

/** The workload text: the kind's header, then the pod spec body (written at column 0) indented under `spec:`. */
export function workload(k: WorkloadKind, body: string): string {
  const pad = ' '.repeat(k.indent);
  return k.header + body.replace(/^(?=.)/gm, pad);
}

/** A Pod with the given pod spec body (written at column 0); its `spec` key is on line 5. */
export function pod(body: string): string {
  return workload(WORKLOAD_KINDS[0], body);
}

/** The line of the pod spec body's line `n` (1-based) in a workload of this kind. */
export function bodyLine(k: WorkloadKind, n: number): number {
  return k.specLine + n;
}

/** A single container named upf, as a pod spec body. */
export const CONTAINER = 'containers:\n- name: upf\n  image: upf:1.0\n';

/** Converts a text to CRLF line endings. */
export function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}
