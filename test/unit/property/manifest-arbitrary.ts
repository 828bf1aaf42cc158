// fast-check arbitraries for manifests with every construct the rules and fixes touch, rendered in any YAML style.
import fc from 'fast-check';

/** A YAML value to render: the content is drawn by fast-check, the layout by a seeded choice per file. */
export type Y =
  | { t: 'scalar'; text: string }
  | { t: 'map'; pairs: Array<[string, Y]>; anchor?: string }
  | { t: 'seq'; items: Y[]; anchor?: string }
  | { t: 'alias'; name: string }
  /** A `|` block of lines (JSON in an annotation or a NAD config). */
  | { t: 'block'; lines: string[] }
  /** A quoted string whose continuation lines start at column 0 (kubectl reads it; `yaml-not-portable`). */
  | { t: 'lenient'; lines: string[] };

const scalar = (text: string): Y => ({ t: 'scalar', text });
const map = (pairs: Array<[string, Y | undefined]>, anchor?: string): Y => ({ t: 'map', pairs: pairs.filter((p): p is [string, Y] => p[1] !== undefined), anchor });
const seq = (items: Y[], anchor?: string): Y => ({ t: 'seq', items, anchor });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });

/** A value as plain, double- or single-quoted text. */
const spelled = (...values: string[]) => fc.constantFrom(...values).chain((v) => fc.constantFrom(scalar(v), scalar(`"${v}"`), scalar(`'${v}'`)));
const bool = fc.constantFrom('true', 'false', 'yes', 'no', 'on', 'True', '"true"').map(scalar);
const quantity = fc.constantFrom('1', '2', '1500m', '"2"', '2.0', '1Gi', '2Gi', '1536Mi', '0', '-1', '1e3', '0x10', '99999999999999999999999', '1.5Gi', '4', '3500m').map(scalar);
const networkNames = fc.constantFrom('n3-net', 'n6-net', 'sriov-n3', 'Bad_Name', 'cnf/n3-net', 'other/n6-net', '');

/** A networks element: known keys, near misses, and keys that name Object.prototype members. */
const element = fc
  .record({
    name: opt(networkNames),
    key: fc.constantFrom('interface', 'ifname', 'ips', 'mac', 'namespace', 'default-route', 'constructor', '__proto__', 'toString', 'cni-args'),
    value: fc.constantFrom('"net1"', '"eth0"', '["192.0.2.1/24"]', '["bad"]', '"02:00:00:00:00:01"', '1', '{}', '["192.0.2.1"]'),
  })
  .map(({ name, key, value }) => `{${name !== undefined ? `"name": "${name}", ` : ''}"${key}": ${value}}`);

/** The networks annotation in every shape Multus (and people) write it. */
const networksValue: fc.Arbitrary<Y> = fc.oneof(
  fc.array(networkNames, { minLength: 1, maxLength: 3 }).map((names) => scalar(names.join(', '))),
  fc.array(element, { minLength: 1, maxLength: 3 }).map((els) => scalar(`'[${els.join(', ')}]'`)),
  fc.array(element, { minLength: 1, maxLength: 3 }).map((els) => ({ t: 'block', lines: ['[', ...els.map((e, i) => `  ${e}${i < els.length - 1 ? ',' : ''}`), ']'] }) as Y),
  fc.array(element, { minLength: 1, maxLength: 2 }).map((els) => ({ t: 'lenient', lines: [`[${els[0]}`, ...els.slice(1).map((e) => `,${e}`), ']'] }) as Y),
  fc.array(networkNames, { minLength: 1, maxLength: 2 }).map((names) => seq(names.map(scalar))),
  fc.constant(map([['name', scalar('n3-net')], ['constructor', scalar('1')]])),
  fc.constant(scalar(`'${'['.repeat(5)}'`)),
);

const annotations = fc
  .record({ networks: opt(networksValue), nearMiss: opt(networksValue), resourceName: opt(fc.constantFrom('intel.com/sriov_n3', 'sriov_n3').map(scalar)) })
  .map(({ networks, nearMiss, resourceName }) =>
    map([
      ['k8s.v1.cni.cncf.io/networks', networks],
      ['k8s.cni.cncf.io/networks', nearMiss],
      ['k8s.v1.cni.cncf.io/resourceName', resourceName],
    ]),
  );

const securityContext = fc
  .record({
    privileged: opt(bool),
    allowPrivilegeEscalation: opt(bool),
    runAsUser: opt(fc.constantFrom('0', '1000').map(scalar)),
    procMount: opt(spelled('Unmasked', 'Default')),
    add: opt(fc.subarray(['NET_ADMIN', 'IPC_LOCK', 'SYS_ADMIN'], { minLength: 1 })),
    drop: opt(fc.constant(['ALL'])),
  })
  .map((r) =>
    map([
      ['privileged', r.privileged],
      ['allowPrivilegeEscalation', r.allowPrivilegeEscalation],
      ['runAsUser', r.runAsUser],
      ['procMount', r.procMount],
      ['capabilities', r.add || r.drop ? map([['add', r.add && seq(r.add.map(scalar))], ['drop', r.drop && seq(r.drop.map(scalar))]]) : undefined],
    ]),
  );

const resourceList = fc
  .record({ cpu: opt(quantity), memory: opt(quantity), hugepages: opt(quantity), sriov: opt(fc.constantFrom('1', '2', '"1"', '1.5').map(scalar)) })
  .map((r) => map([['cpu', r.cpu], ['memory', r.memory], ['hugepages-1Gi', r.hugepages], ['intel.com/sriov_n3', r.sriov]]));

const container = fc
  .record({
    name: fc.constantFrom('upf', 'smf', 'sidecar'),
    securityContext: opt(securityContext),
    requests: opt(resourceList),
    limits: opt(resourceList),
    hostPort: opt(fc.constantFrom('8805', '80').map(scalar)),
    mount: fc.boolean(),
  })
  .map((c) =>
    map([
      ['name', scalar(c.name)],
      ['image', scalar('registry.example/cnf:1.0')],
      ['securityContext', c.securityContext],
      ['resources', c.requests || c.limits ? map([['requests', c.requests], ['limits', c.limits]]) : undefined],
      ['ports', c.hostPort ? seq([map([['containerPort', scalar('8805')], ['hostPort', c.hostPort]])]) : undefined],
      ['volumeMounts', c.mount ? seq([map([['name', scalar('hp')], ['mountPath', scalar('/dev/hugepages')]])]) : undefined],
    ]),
  );

const podSpec = fc
  .record({
    containers: fc.array(container, { minLength: 1, maxLength: 3 }),
    hostNetwork: opt(bool),
    hostPID: opt(bool),
    hostUsers: opt(bool),
    dnsPolicy: opt(spelled('ClusterFirstWithHostNet', 'ClusterFirst')),
    volume: opt(fc.constantFrom('HugePages-1Gi', 'HugePages', 'nfs', 'pvc')),
    shareSecurityContext: fc.boolean(),
    mergeResources: fc.boolean(),
  })
  .map((p) => {
    // New objects only: a generated value may be shared (by shrinking), so it is never mutated.
    const containers = p.containers.map((c, i): Y => {
      if (c.t !== 'map') return c;
      if (i > 0) {
        // Later containers reuse the first one's securityContext through an alias, or merge the first container.
        const pairs = c.pairs.filter(([k]) => k !== 'securityContext');
        if (p.shareSecurityContext) pairs.push(['securityContext', { t: 'alias', name: 'sc' }]);
        if (p.mergeResources) pairs.unshift(['<<', { t: 'alias', name: 'base' }]);
        return { t: 'map', pairs };
      }
      const pairs = c.pairs.map(([k, v]): [string, Y] => [k, k === 'securityContext' && p.shareSecurityContext && v.t === 'map' ? { ...v, anchor: 'sc' } : v]);
      if (p.shareSecurityContext && !pairs.some(([k]) => k === 'securityContext')) pairs.push(['securityContext', map([['privileged', scalar('true')]], 'sc')]);
      return { t: 'map', pairs, anchor: p.mergeResources ? 'base' : undefined };
    });
    const volume = p.volume === 'nfs' ? map([['name', scalar('hp')], ['nfs', map([['server', scalar('nfs.example')], ['path', scalar('/x')]])]]) : p.volume === 'pvc' ? map([['name', scalar('hp')], ['persistentVolumeClaim', map([['claimName', scalar('c')]])]]) : p.volume ? map([['name', scalar('hp')], ['emptyDir', map([['medium', scalar(p.volume)]])]]) : undefined;
    return map([
      ['hostNetwork', p.hostNetwork],
      ['hostPID', p.hostPID],
      ['hostUsers', p.hostUsers],
      ['dnsPolicy', p.dnsPolicy],
      ['containers', seq(containers)],
      ['volumes', volume && seq([volume])],
    ]);
  });

const metadata = (name: string) =>
  fc.record({ namespace: opt(fc.constantFrom('cnf', 'default', 'kube-system').map(scalar)), annotations: opt(annotations) }).map((m) => map([['name', scalar(name)], ['namespace', m.namespace], ['annotations', m.annotations]]));

const pod = fc.tuple(metadata('upf'), podSpec).map(([md, spec]) => map([['apiVersion', scalar('v1')], ['kind', scalar('Pod')], ['metadata', md], ['spec', spec]]));
const deployment = fc.tuple(metadata('upf'), metadata('upf'), podSpec).map(([md, tmd, spec]) =>
  map([['apiVersion', scalar('apps/v1')], ['kind', scalar('Deployment')], ['metadata', md], ['spec', map([['template', map([['metadata', tmd], ['spec', spec]])]])]]),
);

const cniConfig = fc
  .record({ type: fc.constantFrom('macvlan', 'sriov', 'bridge', 'ipvlan', 'host-device'), ipam: fc.constantFrom('whereabouts', 'static', 'host-local'), caps: fc.boolean(), vrf: fc.boolean() })
  .map((c) => {
    const main = `{"type": "${c.type}", "ipam": {"type": "${c.ipam}"}${c.caps ? ', "capabilities": {"ips": true, "mac": true}' : ''}}`;
    return c.vrf ? `{"cniVersion": "0.3.1", "plugins": [${main}, {"type": "vrf", "vrfname": "red"}]}` : main.replace('{', '{"cniVersion": "0.3.1", ');
  });
const nad = fc
  .record({ name: fc.constantFrom('n3-net', 'sriov-n3', 'n6-net'), config: cniConfig, style: fc.constantFrom('single', 'block', 'lenient'), misplaced: fc.boolean() })
  .map((n) =>
    map([
      ['apiVersion', scalar('k8s.cni.cncf.io/v1')],
      ['kind', scalar('NetworkAttachmentDefinition')],
      ['metadata', map([['name', scalar(n.name)], ['namespace', scalar('cnf')], [n.misplaced ? 'labels' : 'annotations', n.name === 'sriov-n3' ? map([['k8s.v1.cni.cncf.io/resourceName', scalar('intel.com/sriov_n3')]]) : undefined]])],
      ['spec', map([['config', n.style === 'single' ? scalar(`'${n.config}'`) : n.style === 'block' ? { t: 'block', lines: [n.config] } : { t: 'lenient', lines: n.config.split(', ') }]])],
    ]),
  );

const vm = fc
  .record({
    running: opt(bool),
    runStrategy: opt(spelled('Always', 'Halted')),
    cores: opt(fc.constantFrom('2', '4', '3', '99999999999999999999999999').map(scalar)),
    threads: opt(fc.constantFrom('1', '3').map(scalar)),
    dedicated: opt(bool),
    isolate: opt(bool),
    hugepages: fc.boolean(),
    requests: opt(resourceList),
    binding: fc.constantFrom('masquerade', 'bridge', 'sriov', 'slirp'),
    multus: fc.boolean(),
  })
  .map((v) =>
    map([
      ['apiVersion', scalar('kubevirt.io/v1')],
      ['kind', scalar('VirtualMachine')],
      ['metadata', map([['name', scalar('vm')], ['namespace', scalar('cnf')]])],
      ['spec', map([
        ['running', v.running],
        ['runStrategy', v.runStrategy],
        ['template', map([['spec', map([
          ['domain', map([
            ['cpu', map([['cores', v.cores], ['threads', v.threads], ['dedicatedCpuPlacement', v.dedicated], ['isolateEmulatorThread', v.isolate], ['ioThreadsPolicy', v.isolate && scalar('auto')]])],
            ['memory', v.hugepages ? map([['hugepages', map([['pageSize', scalar('1Gi')]])]]) : undefined],
            ['resources', v.requests && map([['requests', v.requests]])],
            ['devices', map([['interfaces', seq([map([['name', scalar('default')], [v.binding, map([])]])])]])],
          ])],
          ['networks', seq([map([['name', scalar('default')], v.multus ? ['multus', map([['networkName', scalar('n3-net')]])] : ['pod', map([])]])])],
        ])]])],
      ])],
    ]),
  );

/** One to four Kubernetes objects of the kinds the rules read. */
export const objects: fc.Arbitrary<Y[]> = fc.array(fc.oneof(pod, deployment, nad, vm), { minLength: 1, maxLength: 4 });

/** How a file is laid out: a seed for per-node choices, and file-wide choices. */
export const layout = fc.record({ seed: fc.integer(), crlf: fc.boolean(), comments: fc.constantFrom(0, 0.2, 0.6), flow: fc.constantFrom(0, 0.2), duplicates: fc.constantFrom(0, 0.05), indentSeq: fc.boolean(), tabs: fc.boolean() });
