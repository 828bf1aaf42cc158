// Unit tests of the QoS class, the resource reader and the huge page helpers, against what Kubernetes computes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hugePageVolumes, pageSizeOf, requestedPageSizes, resourceOwners, sizeSpelling } from '../../../server/src/manifest/hugepages';
import { keysOf } from '../../../server/src/manifest/nodes';
import { objectsOf } from '../../../server/src/manifest/objects';
import { parseFile } from '../../../server/src/manifest/parse';
import { podSpecOf, PodSpecView } from '../../../server/src/manifest/pod-specs';
import { formatQuantity } from '../../../server/src/manifest/quantity';
import { podQos } from '../../../server/src/manifest/qos';
import { effectiveRequest, podLevelResources, quantityOf, resourceRequirements } from '../../../server/src/manifest/resource-requirements';
import { WORKLOAD_KINDS, workload } from '../rules/userns-fixtures';

/** The pod spec of the first object of a text. */
function podOf(text: string): { file: ReturnType<typeof parseFile>; pod: PodSpecView } {
  const file = parseFile(text);
  const pod = podSpecOf(objectsOf(file)[0]);
  assert.ok(pod, 'a pod spec');
  return { file, pod };
}

/** The QoS class of a pod spec body (written at column 0) in a Pod. */
function qos(body: string, version = '1.33'): string | undefined {
  const { file, pod } = podOf(workload(WORKLOAD_KINDS[0], body));
  return podQos(file, pod, version).qosClass;
}

/** A pod spec body of containers, each given as its `resources` in flow style. */
const containers = (...resources: string[]) => `containers:\n${resources.map((r, i) => `- name: c${i}\n  image: c:1\n  resources: ${r}\n`).join('')}`;

describe('podQos: the class Kubernetes computes', () => {
  it('is BestEffort without cpu or memory anywhere', () => {
    assert.equal(qos(containers('{}')), 'BestEffort');
    assert.equal(qos('containers:\n- name: a\n  image: a\n'), 'BestEffort');
    // Huge pages and extended resources do not count.
    assert.equal(qos(containers('{limits: {hugepages-1Gi: 1Gi, intel.com/sriov_netdevice: 1}}')), 'BestEffort');
  });
  it('is Guaranteed when every container has cpu and memory limits equal to its requests', () => {
    assert.equal(qos(containers('{requests: {cpu: 2, memory: 1Gi}, limits: {cpu: 2, memory: 1Gi}}')), 'Guaranteed');
    // A missing request defaults to the limit.
    assert.equal(qos(containers('{limits: {cpu: 2, memory: 1Gi, hugepages-2Mi: 2Mi}}')), 'Guaranteed');
    // Spellings of one value: "2", 2, 2.0, 2000m; 1Gi and 1024Mi.
    assert.equal(qos(containers('{requests: {cpu: "2", memory: 1024Mi}, limits: {cpu: 2000m, memory: 1Gi}}', '{requests: {cpu: 2.0, memory: 1Gi}, limits: {cpu: 2, memory: 1Gi}}')), 'Guaranteed');
  });
  it('is Burstable when any container lacks a cpu or memory limit, or requests less', () => {
    assert.equal(qos(containers('{limits: {cpu: 2, memory: 1Gi}}', '{requests: {cpu: 100m}}')), 'Burstable');
    assert.equal(qos(containers('{requests: {cpu: 1, memory: 1Gi}, limits: {cpu: 2, memory: 1Gi}}')), 'Burstable');
    assert.equal(qos(containers('{limits: {cpu: 2}}')), 'Burstable');
    // A zero limit does not count as a limit.
    assert.equal(qos(containers('{limits: {cpu: 0, memory: 1Gi}}')), 'Burstable');
    // An empty value is the zero quantity.
    assert.equal(qos(containers('{limits: {cpu: , memory: 1Gi}}')), 'Burstable');
  });
  it('sums requests and limits over containers, as Kubernetes does', () => {
    assert.equal(qos(containers('{requests: {cpu: 1, memory: 1Gi}, limits: {cpu: 2, memory: 1Gi}}', '{requests: {cpu: 2, memory: 1Gi}, limits: {cpu: 1, memory: 1Gi}}')), 'Guaranteed');
  });
  it('counts init containers, not ephemeral containers', () => {
    const app = containers('{limits: {cpu: 2, memory: 1Gi}}');
    assert.equal(qos(`initContainers:\n- name: init\n  image: i\n${app}`), 'Burstable');
    assert.equal(qos(`initContainers:\n- name: init\n  image: i\n  resources: {limits: {cpu: 1, memory: 1Gi}}\n${app}`), 'Guaranteed');
    assert.equal(qos(`${app}ephemeralContainers:\n- name: debug\n  image: busybox\n`), 'Guaranteed');
  });
  it('does not guess with an invalid quantity', () => {
    const { file, pod } = podOf(workload(WORKLOAD_KINDS[0], containers('{limits: {cpu: 2 CPUs, memory: 1Gi}}')));
    const r = podQos(file, pod, '1.33');
    assert.equal(r.qosClass, undefined);
    assert.deepEqual(r.invalid.map((e) => e.name), ['cpu']);
  });
  it('reads pod-level spec.resources from Kubernetes 1.34 only', () => {
    const body = `resources: {limits: {cpu: 4, memory: 4Gi}}\n${containers('{requests: {cpu: 1}}')}`;
    assert.equal(qos(body, '1.33'), 'Burstable');
    assert.equal(qos(body, '1.34'), 'Guaranteed');
    assert.equal(qos(`resources: {requests: {cpu: 4}}\n${containers('{limits: {cpu: 1, memory: 1Gi}}')}`, '1.34'), 'Burstable');
    // Huge pages alone at the pod level set it; other resources alone do not.
    assert.equal(qos(`resources: {limits: {hugepages-2Mi: 2Mi}}\n${containers('{limits: {cpu: 1, memory: 1Gi}}')}`, '1.34'), 'BestEffort');
    assert.equal(qos(`resources: {limits: {example.com/dev: 1}}\n${containers('{limits: {cpu: 1, memory: 1Gi}}')}`, '1.34'), 'Guaranteed');
  });
  it('lists what keeps each container from Guaranteed, in order', () => {
    const { file, pod } = podOf(workload(WORKLOAD_KINDS[0], containers('{limits: {cpu: 1, memory: 1Gi}}', '{requests: {cpu: 1, memory: 1Gi}, limits: {cpu: 2}}')));
    const r = podQos(file, pod, '1.33');
    assert.deepEqual(
      r.gaps.map((g) => ({ name: g.container?.name, missing: g.missingLimits, differing: g.differing })),
      [{ name: 'c1', missing: ['memory'], differing: ['cpu'] }],
    );
  });
  it('finds the pod spec of every workload kind', () => {
    for (const k of WORKLOAD_KINDS) {
      const { file, pod } = podOf(workload(k, containers('{limits: {cpu: 1, memory: 1Gi}}')));
      assert.equal(podQos(file, pod, '1.33').qosClass, 'Guaranteed', k.kind);
    }
  });
});

describe('resource requirements', () => {
  const text = workload(WORKLOAD_KINDS[0], 'containers:\n- name: a\n  image: a\n  resources:\n    limits: &lim {cpu: "2", memory: 1Gi}\n    requests:\n      <<: *lim\n      cpu: 1500m\n');
  const { file, pod } = podOf(text);
  const rr = resourceRequirements(file, pod.containers[0].map);
  it('follows merge keys: own keys win over merged ones', () => {
    assert.deepEqual(keysOf(rr.requests.map), ['cpu', 'memory']);
    assert.equal(formatQuantity(quantityOf(rr.requests.entries.get('cpu'))!), '1500m');
    assert.equal(formatQuantity(quantityOf(rr.requests.entries.get('memory'))!), '1Gi');
  });
  it('defaults a missing request to the limit', () => {
    const bare = podOf(workload(WORKLOAD_KINDS[0], containers('{limits: {cpu: "2"}}')));
    const r = resourceRequirements(bare.file, bare.pod.containers[0].map);
    assert.equal(effectiveRequest(r, 'cpu')?.read?.spelling, '"2"');
    assert.equal(effectiveRequest(r, 'memory'), undefined);
  });
  it('sees pod-level resources only when they set cpu, memory or huge pages', () => {
    const withCpu = podOf(workload(WORKLOAD_KINDS[0], `resources: {requests: {cpu: 1}}\n${containers('{}')}`));
    assert.ok(podLevelResources(withCpu.file, withCpu.pod));
    const other = podOf(workload(WORKLOAD_KINDS[0], `resources: {requests: {example.com/x: 1}}\n${containers('{}')}`));
    assert.equal(podLevelResources(other.file, other.pod), undefined);
  });
});

describe('huge page helpers', () => {
  it('read the page size of a resource name as the API server does', () => {
    const size = (name: string) => {
      const r = pageSizeOf(name);
      return r.ok ? formatQuantity(r.quantity) : `invalid:${r.reason}`;
    };
    assert.equal(size('hugepages-2Mi'), '2Mi');
    assert.equal(size('hugepages-1Gi'), '1Gi');
    assert.equal(size('hugepages-2048Ki'), '2Mi');
    assert.equal(size('hugepages-1GB'), 'invalid:format');
    assert.equal(size('hugepages-0'), 'invalid:format');
    assert.equal(size('hugepages-0.5'), 'invalid:format');
  });
  it('collect the distinct page sizes of a pod, spellings merged', () => {
    const body = `initContainers:\n- name: i\n  image: i\n  resources: {limits: {hugepages-2048Ki: 2Mi}}\n${containers('{limits: {hugepages-2Mi: 4Mi, hugepages-1Gi: 1Gi}}')}`;
    const { file, pod } = podOf(workload(WORKLOAD_KINDS[0], body));
    const sizes = requestedPageSizes(resourceOwners(file, pod, '1.33'));
    assert.deepEqual(
      sizes.map((s) => `${sizeSpelling(s.size)}: ${s.resourceNames.join(' ')} (${s.owners.map((o) => o.container?.name).join(' ')})`),
      ['2Mi: hugepages-2Mi hugepages-2048Ki (c0 i)', '1Gi: hugepages-1Gi (c0)'],
    );
  });
  it('find HugePages media, case-sensitively, with their sizes', () => {
    const body = `${containers('{}')}volumes:\n- name: a\n  emptyDir: {medium: HugePages}\n- name: b\n  emptyDir: {medium: HugePages-1Gi}\n- name: c\n  emptyDir: {medium: hugepages}\n- name: d\n  emptyDir: {medium: Memory}\n`;
    const { pod } = podOf(workload(WORKLOAD_KINDS[0], body));
    assert.deepEqual(
      hugePageVolumes(pod).map((v) => `${v.volume.name} ${v.medium} ${v.size === undefined ? '-' : v.size.ok ? formatQuantity(v.size.quantity) : 'invalid'}`),
      ['a HugePages -', 'b HugePages-1Gi 1Gi'],
    );
  });
});
