// What a VMI spec asks for: cpu and memory quantities, guest CPU topology, huge pages, as KubeVirt reads them.
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { asMap, get, getPair, scalarText } from './nodes';
import { formatQuantity, integerValue, isMultipleOf, mustParseQuantity, Quantity } from './quantity';
import { readQuantity } from './quantity-node';
import { VmSpecView } from './vm-specs';

/** A quantity written in a VMI spec: where (`map` holds `pair`), and its value. */
export interface VmQuantity {
  /** Its path below `spec.domain`: `resources.requests.cpu`, `memory.guest`, ... */
  field: string;
  map: YAMLMap;
  pair: Pair<Scalar, unknown>;
  quantity: Quantity;
}

/** `spec.domain.resources.<part>.<name>` when it is written and is a quantity other than zero (KubeVirt ignores 0). */
export function vmResource(file: { text: string }, vm: VmSpecView, part: 'requests' | 'limits', name: 'cpu' | 'memory'): VmQuantity | undefined {
  return quantityAt(file, asMap(get(vm.resources, part)), name, `resources.${part}.${name}`);
}

/** `spec.domain.memory.guest` when it is a non-zero quantity. */
export function guestMemory(file: { text: string }, vm: VmSpecView): VmQuantity | undefined {
  return quantityAt(file, vm.memory, 'guest', 'memory.guest');
}

/** `spec.domain.memory.hugepages.pageSize` when it is a non-zero quantity. */
export function hugePageSize(file: { text: string }, vm: VmSpecView): VmQuantity | undefined {
  return quantityAt(file, asMap(get(vm.memory, 'hugepages')), 'pageSize', 'memory.hugepages.pageSize');
}

/**
 * The memory KubeVirt checks huge pages against, with the field it comes from: the memory request,
 * else the limit (KubeVirt copies a limit into a missing request), else `memory.guest`.
 */
export function vmMemory(file: { text: string }, vm: VmSpecView): VmQuantity | undefined {
  return vmResource(file, vm, 'requests', 'memory') ?? vmResource(file, vm, 'limits', 'memory') ?? guestMemory(file, vm);
}

/** The largest value of KubeVirt's topology fields (uint32): a larger one is rejected by the API server. */
const MAX_UINT32 = 4294967295;

/**
 * The guest CPU topology fields written in `spec.domain.cpu`, as whole numbers (a field that is
 * not one, or does not fit KubeVirt's uint32, counts as unset).
 */
export function cpuTopology(vm: VmSpecView): { sockets: number; cores: number; threads: number; pairs: Array<Pair<Scalar, unknown>> } {
  const out = { sockets: 0, cores: 0, threads: 0, pairs: [] as Array<Pair<Scalar, unknown>> };
  for (const key of ['sockets', 'cores', 'threads'] as const) {
    const pair = getPair(vm.cpu, key);
    const text = scalarText(pair?.value);
    if (!pair || text === undefined || !/^[0-9]{1,10}$/.test(text) || Number(text) > MAX_UINT32) continue;
    out[key] = Number(text);
    out.pairs.push(pair);
  }
  return out;
}

/** The number of vCPUs of a topology, counted as KubeVirt does: sockets x cores x threads, unset fields skipped; 0 when none is set. Exact. */
export function vcpuCount(t: { sockets: number; cores: number; threads: number }): bigint {
  return [t.cores, t.sockets, t.threads].filter((n) => n > 0).reduce((a, n) => (a === 0n ? BigInt(n) : a * BigInt(n)), 0n);
}

/** A quantity's `Value()` (whole units, rounded up), as KubeVirt compares cpu and memory. */
export function wholeUnits(q: Quantity): bigint {
  return integerValue(q);
}

/** A quantity's value as written (without quotes). */
export function writtenValue(q: VmQuantity): string {
  return scalarText(q.pair.value) ?? formatQuantity(q.quantity);
}

/** The page sizes of x86 huge pages, largest first. */
export const HUGE_PAGE_SIZES = ['1Gi', '2Mi'] as const;

/** The huge page sizes that divide a memory size, largest first (both when the memory is unknown). */
export function pageSizesFor(memory: Quantity | undefined): string[] {
  return HUGE_PAGE_SIZES.filter((size) => !memory || isMultipleOf(memory, mustParseQuantity(size)));
}

function quantityAt(file: { text: string }, map: YAMLMap | undefined, key: string, field: string): VmQuantity | undefined {
  const pair = getPair(map, key);
  if (!map || !pair) return undefined;
  const read = readQuantity(file, pair.value);
  if (!read || !read.ok || read.quantity.nanos <= 0n) return undefined;
  return { field, map, pair, quantity: read.quantity };
}
