// Pod requests and limits as the scheduler and ResourceQuota count them: app containers, sidecars, init containers, pod-level resources; pods a workload runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { objectsOf } from '../../../server/src/manifest/objects';
import { parseFile } from '../../../server/src/manifest/parse';
import { podsRunning, podTotals } from '../../../server/src/manifest/pod-requests';
import { podSpecOf } from '../../../server/src/manifest/pod-specs';
import { formatQuantity } from '../../../server/src/manifest/quantity';

/** The totals of the first object's pod, each quantity printed as Kubernetes prints it. */
function totals(yaml: string, version = '1.33') {
  const file = parseFile(yaml);
  const t = podTotals(file, podSpecOf(objectsOf(file)[0])!, version);
  const print = (m: Map<string, unknown>) => Object.fromEntries([...m].map(([k, q]) => [k, formatQuantity(q as never)]));
  return { requests: print(t.requests), limits: print(t.limits) };
}

const container = (name: string, cpu: string, memory: string, extra = '') => `  - name: ${name}${extra}
    resources:
      requests: {cpu: "${cpu}", memory: ${memory}}
      limits: {cpu: "${cpu}", memory: ${memory}}
`;

describe('podTotals', () => {
  it('app containers are summed; a request defaults to its limit; huge pages and devices count', () => {
    const t = totals(`kind: Pod
spec:
  containers:
${container('a', '500m', '256Mi')}  - name: b
    resources:
      limits: {cpu: "1.5", memory: 1Gi, hugepages-1Gi: 2Gi, intel.com/sriov: "2"}
`);
    assert.deepEqual(t.requests, { cpu: '2', memory: '1280Mi', 'hugepages-1Gi': '2Gi', 'intel.com/sriov': '2' });
    assert.deepEqual(t.limits, { cpu: '2', memory: '1280Mi', 'hugepages-1Gi': '2Gi', 'intel.com/sriov': '2' });
  });

  it('the largest regular init container against the app containers plus the sidecars (restartPolicy: Always)', () => {
    const t = totals(`kind: Pod
spec:
  initContainers:
${container('proxy', '250m', '64Mi', '\n    restartPolicy: Always')}${container('migrate', '3', '128Mi')}${container('small', '100m', '2Gi')}  containers:
${container('app', '1', '512Mi')}`);
    // cpu: max(1 + 0.25, migrate 3 + proxy 0.25 started before it) = 3250m; memory: max(576Mi, small 2Gi + 64Mi) = 2112Mi.
    assert.deepEqual(t.requests, { cpu: '3250m', memory: '2112Mi' });
  });

  it('a sidecar started after an init container does not add to it', () => {
    const t = totals(`kind: Pod
spec:
  initContainers:
${container('migrate', '2', '128Mi')}${container('proxy', '1', '64Mi', '\n    restartPolicy: Always')}  containers:
${container('app', '500m', '64Mi')}`);
    assert.deepEqual(t.requests, { cpu: '2', memory: '128Mi' });
  });

  it('from 1.34, pod-level resources replace the aggregate for what they set', () => {
    const yaml = `kind: Pod
spec:
  resources:
    limits: {cpu: "4", memory: 4Gi}
  containers:
${container('app', '1', '1Gi')}`;
    assert.deepEqual(totals(yaml, '1.33').requests, { cpu: '1', memory: '1Gi' });
    assert.deepEqual(totals(yaml, '1.34').requests, { cpu: '4', memory: '4Gi' });
  });
});

describe('podsRunning', () => {
  const running = (yaml: string) => podsRunning(objectsOf(parseFile(yaml))[0]);
  it('replicas (default 1), parallelism capped by completions, one per DaemonSet, none for a PodTemplate', () => {
    assert.equal(running('kind: Deployment\nspec:\n  replicas: 3\n'), 3);
    assert.equal(running('kind: StatefulSet\nspec: {}\n'), 1);
    assert.equal(running('kind: Job\nspec:\n  parallelism: 4\n  completions: 2\n'), 2);
    assert.equal(running('kind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      parallelism: 3\n'), 3);
    assert.equal(running('kind: DaemonSet\nspec: {}\n'), 1);
    assert.equal(running('kind: PodTemplate\ntemplate: {}\n'), 0);
    assert.equal(running('kind: Deployment\nspec:\n  replicas: 0\n'), 0);
  });
});
