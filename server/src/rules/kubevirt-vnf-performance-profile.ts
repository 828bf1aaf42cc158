// kubevirt-vnf-performance-profile: a VM that looks like a data-plane VNF without the KubeVirt performance settings (RA2 gap 2).
import type { YAMLMap } from 'yaml';
import { setPairs, TextEdit } from '../fixes/edits';
import type { FixReport, Rule } from '../linter/types';
import { asMap, get, getPair, isTrue, scalarText } from '../manifest/nodes';
import { ParsedFile } from '../manifest/parse';
import { pageSizesFor, vmMemory } from '../manifest/vm-resources';
import { sourceOf, vmSpecOf, VmSpecView } from '../manifest/vm-specs';

/** The RA2 node label of the high-performance profile (ra2.k8s.011). */
const NETWORK_INTENSIVE_LABEL = 'anuket.io/profile/network-intensive';

/** The settings checked, in the order they are listed. */
type Setting = 'dedicatedCpuPlacement' | 'isolateEmulatorThread' | 'numa' | 'hugepages' | 'ioThreadsPolicy' | 'multiqueue';

const WORDS: Record<Setting, string> = {
  dedicatedCpuPlacement: 'cpu.dedicatedCpuPlacement: true',
  isolateEmulatorThread: 'cpu.isolateEmulatorThread: true',
  numa: 'cpu.numa.guestMappingPassthrough',
  hugepages: 'memory.hugepages',
  ioThreadsPolicy: 'ioThreadsPolicy: auto',
  multiqueue: 'devices.networkInterfaceMultiqueue: true',
};

/** What a VM without each setting gets, in words. */
const EFFECTS: Record<Setting, string> = {
  dedicatedCpuPlacement: 'its vCPUs float across host CPUs',
  isolateEmulatorThread: "QEMU's emulator thread competes with the vCPUs",
  numa: 'its memory may sit on another NUMA node than its CPUs and NICs',
  hugepages: 'its memory is in 4Ki pages (TLB misses on every packet buffer)',
  ioThreadsPolicy: 'KubeVirt does not place its I/O threads',
  multiqueue: 'each virtio NIC has a single queue',
};

export const rule: Rule = {
  meta: {
    id: 'kubevirt-vnf-performance-profile',
    title: 'KubeVirt VNF without the performance settings',
    gap: 2,
    requirements: ['infra.com.cfg.002', 'infra.com.cfg.004', 'ra2.k8s.009', 'ra2.k8s.011'],
    defaultSeverity: 'info',
    confidence: 'heuristic',
    appliesTo: 'every KubeVirt VM kind that looks like a high-performance VNF: SR-IOV interfaces, two or more Multus networks, huge pages, or the network-intensive node label',
    rationale:
      "A VNF moved unchanged into a KubeVirt VM keeps its data-plane needs: vCPUs pinned to host CPUs (ra2.k8s.009) with the QEMU emulator thread kept off them, guest memory in huge pages (infra.com.cfg.004) on the NUMA node of those CPUs (infra.com.cfg.002), I/O threads placed by KubeVirt, and one virtio queue per vCPU. Without these it runs, but with jitter and a fraction of its packet rate. cpu.dedicatedCpuPlacement, cpu.isolateEmulatorThread, cpu.numa.guestMappingPassthrough, memory.hugepages, ioThreadsPolicy: auto and devices.networkInterfaceMultiqueue are KubeVirt's settings for it. The rule guesses intent from the VM: set `profile` to `basic` to turn it off, or to `high-performance` to check every VM.",
    messages: {
      missing:
        "VM '{{name}}' looks like a high-performance VNF ({{why}}) but does not set {{missing}}: {{effects}}. Add them, or set the profile setting to basic if this VM carries no data plane.",
    },
    fixes: {
      addPerformanceSettings: 'Add {{missing}}',
    },
    links: [
      { title: 'KubeVirt user guide: dedicated CPU resources', url: 'https://kubevirt.io/user-guide/compute/dedicated_cpu_resources/' },
      { title: 'KubeVirt user guide: NUMA', url: 'https://kubevirt.io/user-guide/compute/numa/' },
      { title: 'KubeVirt user guide: huge pages', url: 'https://kubevirt.io/user-guide/compute/virtual_hardware/#hugepages' },
      { title: 'KubeVirt user guide: I/O threads', url: 'https://kubevirt.io/user-guide/storage/disks_and_volumes/#iothreads' },
      { title: 'KubeVirt user guide: virtio-net multiqueue', url: 'https://kubevirt.io/user-guide/network/interfaces_and_networks/#virtio-net-multiqueue' },
    ],
  },
  check(ctx) {
    if (ctx.settings.profile === 'basic') return;
    for (const object of ctx.objects) {
      const vm = vmSpecOf(object);
      // An instancetype or preference may hold the settings: they cannot be seen from here.
      if (!vm || !vm.domain || getPair(vm.vmSpec, 'instancetype') || getPair(vm.vmSpec, 'preference')) continue;
      const why = ctx.settings.profile === 'high-performance' ? ['the high-performance profile setting'] : signals(vm);
      const missing = missingSettings(vm);
      if (why.length === 0 || missing.length === 0) continue;
      const words = missing.map((s) => WORDS[s]).join(', ');
      const pageSize = pageSizesFor(vmMemory(ctx.file, vm)?.quantity)[0];
      const fixes: FixReport[] = [];
      if (pageSize || !missing.includes('hugepages')) {
        fixes.push({ id: 'addPerformanceSettings', data: { missing: words }, edits: (file) => addSettings(file, vm, missing, pageSize ?? '1Gi') });
      }
      const data = { name: object.name ?? object.kind, why: why.join(', '), missing: words, effects: missing.map((s) => EFFECTS[s]).join('; ') };
      ctx.report({ messageId: 'missing', at: vm.specPair.key, data, fixes });
    }
  },
};

/** Why a VM looks like a high-performance VNF, in words; empty when it does not. */
function signals(vm: VmSpecView): string[] {
  const out: string[] = [];
  const sriov = vm.interfaces.filter((i) => i.bindings.some((b) => b.method === 'sriov')).length;
  if (sriov > 0) out.push(sriov === 1 ? 'an SR-IOV interface' : `${sriov} SR-IOV interfaces`);
  const multus = vm.networks.filter((n) => sourceOf(n) === 'multus').length;
  if (multus >= 2) out.push(`${multus} Multus networks`);
  if (getPair(vm.memory, 'hugepages')) out.push('huge pages');
  if (getPair(get(vm.spec, 'nodeSelector'), NETWORK_INTENSIVE_LABEL)) out.push(`the node label ${NETWORK_INTENSIVE_LABEL}`);
  return out;
}

/** The performance settings a VM does not have. */
function missingSettings(vm: VmSpecView): Setting[] {
  const out: Setting[] = [];
  if (!isTrue(get(vm.cpu, 'dedicatedCpuPlacement'))) out.push('dedicatedCpuPlacement');
  if (!isTrue(get(vm.cpu, 'isolateEmulatorThread'))) out.push('isolateEmulatorThread');
  if (!getPair(get(vm.cpu, 'numa'), 'guestMappingPassthrough')) out.push('numa');
  if (!getPair(vm.memory, 'hugepages')) out.push('hugepages');
  const policy = scalarText(get(vm.domain, 'ioThreadsPolicy'));
  // Written under cpu, it is kubevirt-numa-passthrough-incomplete's finding (misplaced), not a missing one.
  if (policy !== 'auto' && policy !== 'supplementalPool' && !getPair(vm.cpu, 'ioThreadsPolicy')) out.push('ioThreadsPolicy');
  if (!isTrue(get(vm.devices, 'networkInterfaceMultiqueue'))) out.push('multiqueue');
  return out;
}

/**
 * Inserts the missing settings where they belong, into the maps that exist (deepest first, so that
 * inserts at one point come out in the right order) and the domain for maps that do not.
 */
function addSettings(file: ParsedFile, vm: VmSpecView, missing: Setting[], pageSize: string): Array<TextEdit | undefined> {
  const domain = vm.domain!;
  const has = (s: Setting) => missing.includes(s);
  const edits: Array<TextEdit | undefined> = [];
  const domainAdds: Record<string, unknown> = {};
  const cpuAdds: Record<string, unknown> = {};
  if (has('dedicatedCpuPlacement')) cpuAdds.dedicatedCpuPlacement = true;
  if (has('isolateEmulatorThread')) cpuAdds.isolateEmulatorThread = true;
  const numa = asMap(get(vm.cpu, 'numa'));
  if (has('numa') && numa) edits.push(...setPairs(file, numa, { guestMappingPassthrough: {} }));
  else if (has('numa')) cpuAdds.numa = { guestMappingPassthrough: {} };
  if (!nested(file, vm.cpu, domain, 'cpu', cpuAdds, domainAdds, edits)) return [undefined];
  if (has('hugepages') && !nested(file, vm.memory, domain, 'memory', { hugepages: { pageSize } }, domainAdds, edits)) return [undefined];
  if (has('multiqueue') && !nested(file, vm.devices, domain, 'devices', { networkInterfaceMultiqueue: true }, domainAdds, edits)) return [undefined];
  if (has('ioThreadsPolicy')) domainAdds.ioThreadsPolicy = 'auto';
  edits.push(...setPairs(file, domain, domainAdds));
  return edits;
}

/** Adds `values` to a map of the domain that exists, or records the whole map for the domain; false when the key holds something else. */
function nested(file: ParsedFile, map: YAMLMap | undefined, domain: YAMLMap, key: string, values: Record<string, unknown>, domainAdds: Record<string, unknown>, edits: Array<TextEdit | undefined>): boolean {
  if (Object.keys(values).length === 0) return true;
  if (map) edits.push(...setPairs(file, map, values));
  else if (getPair(domain, key)) return false;
  else domainAdds[key] = values;
  return true;
}
