// kubevirt-numa-passthrough-incomplete: NUMA passthrough without its prerequisites, huge-page memory that does not fit, misplaced ioThreadsPolicy (RA2 gap 2).
import type { Scalar } from 'yaml';
import { insertPair, removePair, replaceScalar, setPairs, TextEdit } from '../fixes/edits';
import type { FixReport, Rule } from '../linter/types';
import { get, getPair, isTrue, scalarText } from '../manifest/nodes';
import { ParsedFile } from '../manifest/parse';
import { compareQuantities, formatQuantity, isMultipleOf, Quantity, roundUpToMultiple } from '../manifest/quantity';
import { guestMemory, hugePageSize, pageSizesFor, VmQuantity, vmMemory, vmResource, writtenValue } from '../manifest/vm-resources';
import { vmSpecOf, VmSpecView } from '../manifest/vm-specs';

export const rule: Rule = {
  meta: {
    id: 'kubevirt-numa-passthrough-incomplete',
    title: 'KubeVirt NUMA passthrough, huge pages or I/O threads set up so that they fail',
    gap: 2,
    requirements: ['infra.com.cfg.002', 'infra.com.cfg.004'],
    defaultSeverity: 'error',
    confidence: 'clear-cut',
    appliesTo: 'spec.domain.cpu, spec.domain.memory and spec.domain.resources of every KubeVirt VM kind',
    rationale:
      "A data-plane VNF in a VM needs its memory on the NUMA node of its CPUs and NICs (infra.com.cfg.002) and backed by huge pages (infra.com.cfg.004). KubeVirt's `numa.guestMappingPassthrough` builds the guest NUMA topology from the dedicated CPUs the kubelet assigned, so its admission webhook rejects it without `dedicatedCpuPlacement` and `memory.hugepages`; it also rejects huge-page memory that is smaller than, or not a multiple of, the page size. `ioThreadsPolicy` is a field of `spec.domain`: written under `cpu`, as some examples show it, the API server drops it as an unknown field and the VM silently gets no dedicated I/O threads.",
    messages: {
      passthroughWithoutDedicated:
        "NUMA guestMappingPassthrough needs dedicated CPUs: KubeVirt rejects it without 'dedicatedCpuPlacement: true' (\"must be set to true when NUMA topology strategy is set\"), since the guest NUMA topology is built from the pinned CPUs.",
      passthroughWithoutHugepages:
        "NUMA guestMappingPassthrough needs huge pages: KubeVirt rejects it without 'memory.hugepages' (\"must be requested when NUMA topology strategy is set\"). Add memory.hugepages.pageSize.",
      memoryBelowPageSize:
        "{{field}} '{{memory}}' is smaller than the huge page size '{{pageSize}}': KubeVirt rejects the VM (\"must be equal to or larger than page size\"). Give it at least {{pageSize}}.",
      memoryNotPageMultiple:
        "{{field}} '{{memory}}' is not a multiple of the huge page size '{{pageSize}}': KubeVirt rejects the VM (\"is not a multiple of the page size\"). Use {{rounded}}.",
      ioThreadsPolicyOnCpu:
        "'ioThreadsPolicy' is a field of spec.domain, not of spec.domain.cpu: here the API server drops it as an unknown field and the VM gets no dedicated I/O threads. Move it to spec.domain.",
    },
    fixes: {
      addDedicated: 'Add dedicatedCpuPlacement: true',
      addHugepages1Gi: 'Add memory.hugepages.pageSize: 1Gi',
      addHugepages2Mi: 'Add memory.hugepages.pageSize: 2Mi',
      roundMemory: 'Round the memory up to a multiple of {{pageSize}} ({{rounded}})',
      moveIoThreadsPolicy: 'Move ioThreadsPolicy: {{policy}} to spec.domain',
    },
    links: [
      { title: 'KubeVirt user guide: NUMA', url: 'https://kubevirt.io/user-guide/compute/numa/' },
      { title: 'KubeVirt user guide: huge pages', url: 'https://kubevirt.io/user-guide/compute/virtual_hardware/#hugepages' },
      { title: 'KubeVirt user guide: I/O threads', url: 'https://kubevirt.io/user-guide/storage/disks_and_volumes/#iothreads' },
    ],
  },
  check(ctx) {
    for (const object of ctx.objects) {
      const vm = vmSpecOf(object);
      if (!vm) continue;
      checkPassthrough(ctx, vm);
      checkHugePageMemory(ctx, vm);
      const misplaced = getPair(vm.cpu, 'ioThreadsPolicy');
      if (vm.cpu && vm.domain && misplaced) {
        const [cpu, domain] = [vm.cpu, vm.domain];
        const policy = scalarText(misplaced.value) ?? '';
        const fix: FixReport = {
          id: 'moveIoThreadsPolicy',
          preferred: true,
          data: { policy },
          edits: (file) => {
            const remove = removePair(file, cpu, misplaced);
            return getPair(domain, 'ioThreadsPolicy') ? [remove] : [remove, insertPair(file, domain, 'ioThreadsPolicy', policy)];
          },
        };
        ctx.report({ messageId: 'ioThreadsPolicyOnCpu', at: misplaced, fixes: policy ? [fix] : [] });
      }
    }
  },
};

/** `numa.guestMappingPassthrough` without dedicated CPUs or without huge pages. */
function checkPassthrough(ctx: Parameters<Rule['check']>[0], vm: VmSpecView): void {
  const cpu = vm.cpu;
  const passthrough = getPair(get(cpu, 'numa'), 'guestMappingPassthrough');
  if (!cpu || !passthrough || passthrough.value === null || (passthrough.value as Scalar).value === null) return;
  if (!isTrue(get(cpu, 'dedicatedCpuPlacement'))) {
    const fix: FixReport = { id: 'addDedicated', preferred: true, edits: (file) => setPairs(file, cpu, { dedicatedCpuPlacement: true }) };
    ctx.report({ messageId: 'passthroughWithoutDedicated', at: passthrough, fixes: [fix] });
  }
  if (!getPair(vm.memory, 'hugepages')) {
    const sizes = pageSizesFor(vmMemory(ctx.file, vm)?.quantity);
    const fixes = sizes.map((size, i): FixReport => ({ id: `addHugepages${size}`, preferred: i === 0, edits: (file) => addHugepages(file, vm, size) }));
    ctx.report({ messageId: 'passthroughWithoutHugepages', at: passthrough, fixes });
  }
}

/** Memory smaller than the huge page size, or not a multiple of it. */
function checkHugePageMemory(ctx: Parameters<Rule['check']>[0], vm: VmSpecView): void {
  const page = hugePageSize(ctx.file, vm);
  const memory = vmMemory(ctx.file, vm);
  if (!page || !memory || isMultipleOf(memory.quantity, page.quantity)) return;
  const below = compareQuantities(memory.quantity, page.quantity) < 0;
  const written = [vmResource(ctx.file, vm, 'requests', 'memory'), vmResource(ctx.file, vm, 'limits', 'memory'), guestMemory(ctx.file, vm)];
  const rounded = formatQuantity(roundUpToMultiple(memory.quantity, page.quantity));
  const pageSize = writtenValue(page);
  const fix: FixReport = { id: 'roundMemory', preferred: true, data: { pageSize, rounded }, edits: (file) => roundMemory(file, written, page.quantity) };
  const data = { field: memory.field, memory: writtenValue(memory), pageSize, rounded };
  ctx.report({ messageId: below ? 'memoryBelowPageSize' : 'memoryNotPageMultiple', at: memory.pair, data, fixes: [fix] });
}

/** Inserts `memory.hugepages.pageSize` into the domain (creating `memory` or `hugepages` where missing). */
function addHugepages(file: ParsedFile, vm: VmSpecView, pageSize: string): Array<TextEdit | undefined> {
  if (vm.memory) return setPairs(file, vm.memory, { hugepages: { pageSize } });
  if (!vm.domain || getPair(vm.domain, 'memory')) return [undefined];
  return setPairs(file, vm.domain, { memory: { hugepages: { pageSize } } });
}

/** Rounds every written memory quantity up to a multiple of the page size, keeping quoted values quoted. */
function roundMemory(file: ParsedFile, written: Array<VmQuantity | undefined>, page: Quantity): Array<TextEdit | undefined> {
  return written
    .filter((q): q is VmQuantity => q !== undefined && !isMultipleOf(q.quantity, page))
    .map((q) => replaceScalar(file, q.pair.value, formatQuantity(roundUpToMultiple(q.quantity, page))));
}
