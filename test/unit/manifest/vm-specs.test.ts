// Unit tests of the VMI-spec extractor: every VM kind, API groups, interfaces, networks, aliases, merge keys, flow style.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { get, stringValue } from '../../../server/src/manifest/nodes';
import { objectsOf } from '../../../server/src/manifest/objects';
import { parseFile } from '../../../server/src/manifest/parse';
import { interfaceOf, networkOf, sourceOf, vmSpecOf, VM_SPEC_KINDS } from '../../../server/src/manifest/vm-specs';
import { vm, VM_KINDS } from '../rules/kubevirt-fixtures';

/** What the extractor finds in a text, in words that a test can compare. */
function vmSpecs(text: string) {
  const file = parseFile(text);
  return objectsOf(file).map((object) => {
    const view = vmSpecOf(object);
    if (!view) return { kind: object.kind, vm: undefined };
    const key = view.specPair.key.range!;
    const at = file.lines.positionAt(key[0]);
    return {
      kind: object.kind,
      vm: {
        specKey: `${at.line + 1}:${at.character + 1} ${text.slice(key[0], key[1])}`,
        hostname: stringValue(get(view.spec, 'hostname')),
        templateLabel: stringValue(get(get(view.templateMetadata, 'labels'), 'app')),
        runStrategy: stringValue(get(view.vmSpec, 'runStrategy')),
        aliased: view.aliased,
        cpuCores: (get(view.cpu, 'cores') as { value?: unknown } | undefined)?.value,
        pageSize: stringValue(get(get(view.memory, 'hugepages'), 'pageSize')),
        memory: stringValue(get(get(view.resources, 'requests'), 'memory')),
        multiqueue: (get(view.devices, 'networkInterfaceMultiqueue') as { value?: unknown } | undefined)?.value,
        interfaces: view.interfaces.map((i) => `${i.index} ${i.name ?? '-'} ${i.bindings.map((b) => b.method).join('+') || 'none'}${i.aliased ? ' aliased' : ''}`),
        networks: view.networks.map(
          (n) => `${n.index} ${n.name ?? '-'} ${n.sources.map((s) => s.source).join('+') || 'none'}${n.multusName ? ` ${n.multusName}` : ''}${n.multusDefault ? ' default' : ''}${n.aliased ? ' aliased' : ''}`,
        ),
      },
    };
  });
}

const BODY = `hostname: vr1
domain:
  cpu: {cores: 4}
  memory:
    hugepages: {pageSize: 1Gi}
  resources:
    requests: {memory: 8Gi}
  devices:
    networkInterfaceMultiqueue: true
    interfaces:
    - {name: default, masquerade: {}}
    - name: data
      sriov: {}
networks:
- {name: default, pod: {}}
- name: data
  multus: {networkName: telco/sriov-data, default: false}
`;

const EXPECTED_VM = (specKey: string, runStrategy?: string) => ({
  specKey,
  hostname: 'vr1',
  templateLabel: 'vrouter',
  runStrategy,
  aliased: false,
  cpuCores: 4,
  pageSize: '1Gi',
  memory: '8Gi',
  multiqueue: true,
  interfaces: ['0 default masquerade', '1 data sriov'],
  networks: ['0 default pod', '1 data multus telco/sriov-data'],
});

describe('vmSpecOf: every VM kind', () => {
  it('covers the kinds RULES.md lists', () => {
    assert.deepEqual([...VM_SPEC_KINDS].sort(), VM_KINDS.map((k) => k.kind).sort());
  });
  for (const k of VM_KINDS) {
    it(k.kind, () => {
      const found = vmSpecs(vm(k, BODY));
      const runStrategy = k.kind === 'VirtualMachine' || k.kind === 'VirtualMachinePool' ? 'Always' : undefined;
      const expected = EXPECTED_VM(`${k.specLine}:${k.specColumn} spec`, runStrategy);
      if (k.kind === 'VirtualMachineInstance') expected.templateLabel = undefined as unknown as string;
      assert.deepEqual(found, [{ kind: k.kind, vm: expected }]);
    });
  }
});

describe('vmSpecOf: what it does not place', () => {
  it('skips kinds of another API group (a VirtualMachine of vSphere, a pool outside pool.kubevirt.io)', () => {
    const text = [
      'apiVersion: vmoperator.vmware.com/v1alpha1\nkind: VirtualMachine\nspec:\n  template:\n    spec: {}\n',
      'apiVersion: kubevirt.io/v1\nkind: VirtualMachinePool\nspec:\n  virtualMachineTemplate:\n    spec:\n      template:\n        spec: {}\n',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec: {}\n',
    ].join('---\n');
    assert.deepEqual(vmSpecs(text), [
      { kind: 'VirtualMachine', vm: undefined },
      { kind: 'VirtualMachinePool', vm: undefined },
      { kind: 'Deployment', vm: undefined },
    ]);
  });
  it('skips a VM without a template or with a spec that is not a map', () => {
    const text = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nspec:\n  runStrategy: Always\n---\napiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nspec: []\n';
    assert.deepEqual(vmSpecs(text), [
      { kind: 'VirtualMachine', vm: undefined },
      { kind: 'VirtualMachineInstance', vm: undefined },
    ]);
  });
});

describe('vmSpecOf: shapes', () => {
  it('reads interfaces and networks without names or sources, and several of each', () => {
    const text = vm(VM_KINDS[1], 'domain:\n  devices:\n    interfaces:\n    - bridge: {}\n      masquerade: {}\n    - name: x\nnetworks:\n- pod: {}\n  multus: {networkName: a, default: true}\n- name: z\n- not-a-map\n');
    const [found] = vmSpecs(text);
    assert.deepEqual(found.vm?.interfaces, ['0 - bridge+masquerade', '1 x none']);
    assert.deepEqual(found.vm?.networks, ['0 - pod+multus a default', '1 z none']);
  });
  it('pairs interfaces and networks by name; sourceOf wants exactly one source', () => {
    const file = parseFile(vm(VM_KINDS[1], BODY));
    const view = vmSpecOf(objectsOf(file)[0])!;
    assert.equal(networkOf(view, view.interfaces[1])?.name, 'data');
    assert.equal(interfaceOf(view, view.networks[0])?.name, 'default');
    assert.equal(sourceOf(view.networks[1]), 'multus');
  });
  it('follows aliases and merge keys, and marks what is shared', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: kubevirt.io/v1
  kind: VirtualMachine
  metadata: {name: a}
  spec:
    runStrategy: Halted
    template:
      spec:
        domain:
          devices:
            interfaces:
            - &iface {name: default, masquerade: {}}
        networks: &nets
        - {name: default, pod: {}}
- apiVersion: kubevirt.io/v1
  kind: VirtualMachineInstance
  metadata: {name: b}
  spec:
    <<: {hostname: vr1}
    domain: {devices: {interfaces: [*iface]}}
    networks: *nets
`;
    const found = vmSpecs(text);
    assert.deepEqual(found[0].vm?.interfaces, ['0 default masquerade']);
    assert.equal(found[0].vm?.aliased, false);
    assert.deepEqual(found[1].vm?.interfaces, ['0 default masquerade aliased']);
    assert.deepEqual(found[1].vm?.networks, ['0 default pod aliased']);
    assert.equal(found[1].vm?.hostname, 'vr1');
  });
  it('marks a template reached through an alias as shared', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: kubevirt.io/v1
  kind: VirtualMachineInstanceReplicaSet
  metadata: {name: a}
  spec:
    template: &tpl
      spec: {hostname: h}
- apiVersion: kubevirt.io/v1
  kind: VirtualMachineInstanceReplicaSet
  metadata: {name: b}
  spec:
    template: *tpl
`;
    assert.deepEqual(
      vmSpecs(text).map((f) => f.vm?.aliased),
      [false, true],
    );
  });
});
