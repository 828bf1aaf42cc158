// kubevirt-dedicated-cpu-invalid: dedicated CPU placement that KubeVirt's VMI admitter rejects (RA2 gap 2, ra2.k8s.009).
import type { Pair, Scalar } from 'yaml';
import { replaceScalar, setPairs, TextEdit } from '../fixes/edits';
import type { FixReport, Rule } from '../linter/types';
import { getPair, isTrue, scalarText } from '../manifest/nodes';
import { ParsedFile } from '../manifest/parse';
import { ceilToInteger, formatQuantity, isInteger } from '../manifest/quantity';
import { cpuTopology, guestMemory, hugePageSize, vcpuCount, VmQuantity, vmResource, wholeUnits, writtenValue } from '../manifest/vm-resources';
import { vmSpecOf, VmSpecView } from '../manifest/vm-specs';

export const rule: Rule = {
  meta: {
    id: 'kubevirt-dedicated-cpu-invalid',
    title: 'KubeVirt dedicated CPU placement that is rejected',
    gap: 2,
    requirements: ['ra2.k8s.009'],
    defaultSeverity: 'error',
    confidence: 'clear-cut',
    appliesTo: 'spec.domain.cpu and spec.domain.resources of every KubeVirt VM kind',
    rationale:
      "`dedicatedCpuPlacement: true` pins a VNF's vCPUs to host CPUs through the kubelet's static CPU Manager (ra2.k8s.009), which pins only whole CPUs of a Guaranteed pod. KubeVirt's admission webhook therefore rejects a dedicated VM whose cpu is not a whole number, whose cpu or memory requests and limits differ (cpu compared rounded up: `3500m` counts as 4), that has no memory, more than two threads per core, or cpu resources that match neither the guest topology (sockets x cores x threads); and it rejects `isolateEmulatorThread` without dedicated CPUs.",
    messages: {
      isolateWithoutDedicated:
        "'isolateEmulatorThread: true' needs dedicated CPUs: KubeVirt rejects it without 'dedicatedCpuPlacement: true' (\"IsolateEmulatorThread should be only set in combination with DedicatedCPUPlacement\").",
      nonIntegerCpu:
        "With dedicatedCpuPlacement, {{field}} must be a whole number of CPUs, not '{{value}}': KubeVirt rejects the VM (the CPU Manager pins whole CPUs only). Use {{rounded}}.",
      cpuMismatch:
        "With dedicatedCpuPlacement, cpu requests ({{request}}) and limits ({{limit}}) must be equal: KubeVirt rejects the VM (it compares them rounded up to whole CPUs). Make them equal.",
      memoryMismatch:
        "With dedicatedCpuPlacement, memory requests ({{request}}) must equal limits ({{limit}}): KubeVirt rejects the VM, since only a Guaranteed virt-launcher pod gets pinned CPUs.",
      noMemory:
        "With dedicatedCpuPlacement, KubeVirt rejects a VM without memory (\"resources.requests.memory or resources.limits.memory should be provided\"): set resources.requests.memory, resources.limits.memory or memory.guest.",
      tooManyThreads: "With dedicatedCpuPlacement, KubeVirt allows at most 2 threads per core, not {{threads}}: it rejects the VM.",
      topologyMismatch:
        "The guest topology gives {{vcpus}} vCPUs (sockets x cores x threads) but the cpu resources ask for {{cpu}}: with dedicatedCpuPlacement KubeVirt rejects the VM unless the cpu request or limit equals {{vcpus}}. Remove the cpu resources, or set them to {{vcpus}}.",
    },
    fixes: {
      addDedicated: 'Add dedicatedCpuPlacement: true',
      equalCpu: 'Set cpu to {{cpu}} whole CPUs, in requests and limits alike',
      memoryToLimit: 'Set the memory request to the limit ({{limit}})',
      limitToRequest: 'Set the memory limit to the request ({{request}})',
    },
    links: [
      { title: 'KubeVirt user guide: dedicated CPU resources', url: 'https://kubevirt.io/user-guide/compute/dedicated_cpu_resources/' },
      { title: 'Kubernetes: CPU management policies', url: 'https://kubernetes.io/docs/tasks/administer-cluster/cpu-management-policies/' },
    ],
  },
  check(ctx) {
    for (const object of ctx.objects) {
      const vm = vmSpecOf(object);
      const cpu = vm?.cpu;
      if (!vm || !cpu) continue;
      const dedicated = getPair(cpu, 'dedicatedCpuPlacement');
      const isolate = getPair(cpu, 'isolateEmulatorThread');
      if (!dedicated || !isTrue(dedicated.value)) {
        if (isolate && isTrue(isolate.value)) {
          const fix: FixReport = { id: 'addDedicated', preferred: true, edits: (file) => setPairs(file, cpu, { dedicatedCpuPlacement: true }) };
          ctx.report({ messageId: 'isolateWithoutDedicated', at: isolate, fixes: [fix] });
        }
        continue;
      }
      const file = ctx.file;
      const req = vmResource(file, vm, 'requests', 'cpu');
      const lim = vmResource(file, vm, 'limits', 'cpu');
      const topology = cpuTopology(vm);
      const vcpus = vcpuCount(topology);
      const target = vcpus > 0n ? vcpus : [req, lim].reduce((n, q) => (q && wholeUnits(q.quantity) > n ? wholeUnits(q.quantity) : n), 0n);
      const equalCpu: FixReport = { id: 'equalCpu', preferred: true, data: { cpu: String(target) }, edits: (f) => setCpu(f, [req, lim], target) };
      for (const q of [req, lim]) {
        if (!q || isInteger(q.quantity)) continue;
        const data = { field: q.field, value: writtenValue(q), rounded: formatQuantity(ceilToInteger(q.quantity)) };
        ctx.report({ messageId: 'nonIntegerCpu', at: q.pair, data, fixes: [equalCpu] });
      }
      if (req && lim && wholeUnits(req.quantity) !== wholeUnits(lim.quantity)) {
        ctx.report({ messageId: 'cpuMismatch', at: req.pair, data: { request: writtenValue(req), limit: writtenValue(lim) }, fixes: [equalCpu] });
      }
      const cpuQ = req ?? lim;
      if (cpuQ && vcpus > 0n && [req, lim].every((q) => !q || wholeUnits(q.quantity) !== vcpus)) {
        ctx.report({ messageId: 'topologyMismatch', at: cpuQ.pair, data: { vcpus: String(vcpus), cpu: writtenValue(cpuQ) }, fixes: [equalCpu] });
      }
      checkMemory(ctx, vm, dedicated);
      if (topology.threads > 2) ctx.report({ messageId: 'tooManyThreads', at: getPair(cpu, 'threads')!, data: { threads: topology.threads } });
    }
  },
};

/** Memory: present at all, and requests equal to limits. */
function checkMemory(ctx: Parameters<Rule['check']>[0], vm: VmSpecView, dedicated: Pair<Scalar, unknown>): void {
  const req = vmResource(ctx.file, vm, 'requests', 'memory');
  const lim = vmResource(ctx.file, vm, 'limits', 'memory');
  if (req && lim && wholeUnits(req.quantity) !== wholeUnits(lim.quantity)) {
    const fixes: FixReport[] = [
      { id: 'memoryToLimit', preferred: true, data: { limit: writtenValue(lim) }, edits: (file) => [copyValue(file, lim, req)] },
      { id: 'limitToRequest', data: { request: writtenValue(req) }, edits: (file) => [copyValue(file, req, lim)] },
    ];
    ctx.report({ messageId: 'memoryMismatch', at: req.pair, data: { request: writtenValue(req), limit: writtenValue(lim) }, fixes });
  }
  const instancetype = getPair(vm.vmSpec, 'instancetype');
  if (!req && !lim && !guestMemory(ctx.file, vm) && !hugePageSize(ctx.file, vm) && !instancetype) ctx.report({ messageId: 'noMemory', at: dedicated });
}

/** Sets every written cpu quantity to `target` whole CPUs, keeping quoted values quoted. */
function setCpu(file: ParsedFile, quantities: Array<VmQuantity | undefined>, target: bigint): Array<TextEdit | undefined> {
  if (target <= 0n || target > BigInt(Number.MAX_SAFE_INTEGER)) return [undefined];
  const wrong = quantities.filter((q): q is VmQuantity => q !== undefined && (!isInteger(q.quantity) || wholeUnits(q.quantity) !== target));
  return wrong.map((q) => {
    const value = q.pair.value as Scalar;
    return replaceScalar(file, value, value.type === 'PLAIN' ? Number(target) : String(target));
  });
}

/** Copies one quantity's value into another field, as written. */
function copyValue(file: ParsedFile, from: VmQuantity, to: VmQuantity): TextEdit | undefined {
  const text = scalarText(from.pair.value);
  const target = to.pair.value as Scalar;
  if (text === undefined) return undefined;
  return replaceScalar(file, target, target.type === 'PLAIN' && /^[0-9]+$/.test(text) ? Number(text) : text);
}
