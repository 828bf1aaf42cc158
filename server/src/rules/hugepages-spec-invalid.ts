// hugepages-spec-invalid: huge page requests, limits and volumes the API server rejects or the kubelet cannot mount (RA2 gap 7).
import { replaceScalar } from '../fixes/edits';
import { placeholder, quantityText, setResources, spellingOf } from '../fixes/resource-edits';
import type { FixReport, Report, Rule } from '../linter/types';
import { containersMounting, hugePageNames, hugePageVolumes, HugePageVolume, pageSizeOf, requestedPageSizes, RequestedPageSize, ResourceOwner, resourceOwners, sizeSpelling } from '../manifest/hugepages';
import { ParsedFile } from '../manifest/parse';
import { ContainerView } from '../manifest/pod-specs';
import { formatQuantity, integerValue, quantitiesEqual, roundUpToMultiple } from '../manifest/quantity';
import { quantityOf, ResourceEntry } from '../manifest/resource-requirements';

const MEMORY_PLACEHOLDER = placeholder('1Gi', 'the memory this container needs besides its huge pages');

export const rule: Rule = {
  meta: {
    id: 'hugepages-spec-invalid',
    title: 'Huge pages the API server rejects or the kubelet cannot mount',
    gap: 7,
    requirements: ['infra.com.cfg.004', 'ra2.ch.001'],
    defaultSeverity: 'error',
    confidence: 'clear-cut',
    appliesTo: 'the hugepages-<size> requests and limits of every app and init container (and, from Kubernetes 1.34, of the pod-level spec.resources), and the emptyDir volumes with a HugePages medium',
    rationale:
      'Huge pages cannot be overcommitted: the API server requires a `hugepages-<size>` request to equal its limit (a missing request defaults to the limit, a missing limit is an error), a quantity that is a whole number of pages, and a cpu or memory request or limit beside them. The kubelet mounts an emptyDir of medium `HugePages` only when the pod requests exactly one page size, and one of medium `HugePages-<size>` only when some container requests that size; otherwise the pod never starts. RA2 high-performance nodes offer `hugepages-2Mi` and `hugepages-1Gi` (ra2.ch.001); cnf-lint cannot see which sizes a node has pre-allocated.',
    messages: {
      requestNotLimit:
        '{{owner}}: the {{resource}} request {{request}} is not equal to its limit {{limit}}. The API server rejects it ("must be equal to {{resource}} limit of {{limitCanonical}}"): huge pages cannot be overcommitted.',
      limitMissing:
        '{{owner}} requests {{resource}} without a limit. The API server rejects it ("Limit must be set for non overcommitable resources"): set the limit to the request.',
      cpuOrMemoryMissing:
        '{{owner}} asks for huge pages but for no cpu or memory. The API server rejects it ("HugePages require cpu or memory"): add a memory request and limit.',
      notPageMultiple:
        '{{owner}}: {{resource}} {{value}} is not a whole number of {{size}} pages. The API server rejects it ("{{canonical}} is not positive integer multiple of {{resource}}").',
      pageSizeInvalid: "'{{resource}}' names no page size ({{reason}}): the API server rejects every value of it. Huge page sizes are written like hugepages-2Mi and hugepages-1Gi.",
      quantityInvalid: "{{owner}}: the {{resource}} value {{value}} is not a quantity ({{reason}}): the API server rejects it.",
      mediumMultipleSizes:
        'Volume \'{{name}}\' has medium HugePages, but the pod requests more than one page size ({{sizes}}): the kubelet fails to mount it ("medium: HugePages can\'t be used if container requests multiple huge page sizes"). Name the size in the medium: HugePages-<size>.',
      mediumNotRequested:
        'Volume \'{{name}}\' has medium {{medium}}, but no container requests {{what}}: the kubelet fails to mount it ("hugePages storage requested, but there is no resource request for huge pages").',
    },
    fixes: {
      limitToRequest: 'Set the {{resource}} request to its limit ({{value}})',
      requestToLimit: 'Set the {{resource}} limit to its request ({{value}})',
      addMemory: 'Add a memory request and limit (a placeholder to size)',
      roundToPages: 'Round {{resource}} up to a whole number of pages ({{value}})',
      setMedium: 'Change the medium to {{medium}}',
    },
  },
  check(ctx) {
    const seen = new Set<object>();
    for (const pod of ctx.pods) {
      if (seen.has(pod.spec)) continue;
      seen.add(pod.spec);
      const owners = resourceOwners(ctx.file, pod, ctx.settings.kubernetesVersion);
      for (const owner of owners) {
        const names = hugePageNames(owner);
        if (names.length === 0) continue;
        for (const name of names) checkResource(owner, name, ctx.report);
        checkCpuOrMemory(owner, ctx.report);
      }
      const sizes = requestedPageSizes(owners);
      for (const volume of hugePageVolumes(pod)) checkVolume(volume, sizes, containersMounting(pod, volume.volume.name), ctx.report);
    }
  },
};

/** How a finding names the owner of resources. */
function ownerName(owner: ResourceOwner): string {
  return owner.container ? `Container '${owner.container.name ?? `#${owner.container.index}`}'` : 'The pod-level spec.resources';
}

/** The checks of one hugepages-<size> resource of an owner: valid quantities and size, request == limit, whole pages. */
function checkResource(owner: ResourceOwner, name: string, report: (r: Report) => void): void {
  const rr = owner.resources;
  const request = rr.requests.entries.get(name);
  const limit = rr.limits.entries.get(name);
  let invalid = false;
  for (const e of [request, limit]) {
    // A value that cannot be read at all (an alias to no anchor) is unknown: nothing is compared.
    if (e && !e.read) return;
    if (e?.read && !e.read.ok) {
      invalid = true;
      report({ messageId: 'quantityInvalid', at: e.read.span, data: { owner: ownerName(owner), resource: name, value: e.read.spelling || '(empty)', reason: e.read.message } });
    }
  }
  if (invalid) return;
  const size = pageSizeOf(name);
  if (!size.ok) {
    report({ messageId: 'pageSizeInvalid', at: (request ?? limit)!.pair.key, data: { resource: name, reason: size.message } });
    return;
  }
  if (request && !limit) {
    const value = spellingOf(request);
    const fixes: FixReport[] = value ? [{ id: 'requestToLimit', preferred: true, data: { resource: name, value: value.text }, edits: (file) => setResources(file, rr, { limits: { [name]: value } }) }] : [];
    report({ messageId: 'limitMissing', at: request.pair, data: { owner: ownerName(owner), resource: name }, fixes });
  } else if (request && limit && !quantitiesEqual(quantityOf(request)!, quantityOf(limit)!)) {
    const fixes: FixReport[] = [];
    const fromLimit = spellingOf(limit);
    const fromRequest = spellingOf(request);
    if (fromLimit) fixes.push({ id: 'limitToRequest', preferred: true, data: { resource: name, value: fromLimit.text }, edits: (file) => setResources(file, rr, { requests: { [name]: fromLimit } }) });
    if (fromRequest) fixes.push({ id: 'requestToLimit', data: { resource: name, value: fromRequest.text }, edits: (file) => setResources(file, rr, { limits: { [name]: fromRequest } }) });
    const data = { owner: ownerName(owner), resource: name, request: request.read!.spelling, limit: limit.read!.spelling, limitCanonical: formatQuantity(quantityOf(limit)!) };
    report({ messageId: 'requestNotLimit', at: request.pair, data, fixes });
  }
  const pageBytes = integerValue(size.quantity);
  const bad = [request, limit].find((e) => e && integerValue(quantityOf(e)!) % pageBytes !== 0n);
  if (bad) {
    const q = quantityOf(bad)!;
    const entries = [request, limit].filter((e): e is ResourceEntry => e !== undefined);
    const data = { owner: ownerName(owner), resource: name, value: bad.read!.spelling, size: sizeSpelling(size.quantity), canonical: formatQuantity(q) };
    const fix: FixReport = {
      id: 'roundToPages',
      data: { resource: name, value: formatQuantity(roundUpToMultiple(q, size.quantity)) },
      edits: (file) => entries.map((e) => replaceScalar(file, e.read!.node, quantityText(roundUpToMultiple(quantityOf(e)!, size.quantity), e))),
    };
    report({ messageId: 'notPageMultiple', at: bad.read!.span, data, fixes: [fix] });
  }
}

/** "HugePages require cpu or memory": the API server checks the names written, whatever their values. */
function checkCpuOrMemory(owner: ResourceOwner, report: (r: Report) => void): void {
  const rr = owner.resources;
  const names = ['cpu', 'memory'];
  if (names.some((n) => rr.requests.entries.has(n) || rr.limits.entries.has(n))) return;
  const at = rr.pair?.key ?? rr.owner;
  const values = rr.requests.map ? { requests: { memory: MEMORY_PLACEHOLDER }, limits: { memory: MEMORY_PLACEHOLDER } } : { limits: { memory: MEMORY_PLACEHOLDER } };
  const fixes: FixReport[] = [{ id: 'addMemory', edits: (file: ParsedFile) => setResources(file, rr, values) }];
  report({ messageId: 'cpuOrMemoryMissing', at, data: { owner: ownerName(owner) }, fixes });
}

/** The kubelet's checks of a HugePages* emptyDir against the page sizes the pod requests. */
function checkVolume(volume: HugePageVolume, sizes: RequestedPageSize[], mounting: ContainerView[], report: (r: Report) => void): void {
  const name = volume.volume.name ?? `#${volume.volume.index}`;
  const at = volume.mediumNode;
  // The size to name in a fix: the one the containers that mount the volume request, else the first.
  const preferred = sizes.find((s) => s.owners.some((o) => o.container && mounting.includes(o.container))) ?? sizes[0];
  const fixes: FixReport[] = preferred ? [setMedium(volume, `HugePages-${sizeSpelling(preferred.size)}`)] : [];
  if (volume.size === undefined) {
    if (sizes.length > 1) report({ messageId: 'mediumMultipleSizes', at, data: { name, sizes: sizes.map((s) => sizeSpelling(s.size)).join(', ') }, fixes });
    else if (sizes.length === 0) report({ messageId: 'mediumNotRequested', at, data: { name, medium: volume.medium, what: 'huge pages' } });
    return;
  }
  const size = volume.size;
  if (size.ok && sizes.some((s) => quantitiesEqual(s.size, size.quantity))) return;
  const what = sizes.length === 0 ? 'huge pages' : `huge pages of that size (the pod requests ${sizes.map((s) => sizeSpelling(s.size)).join(', ')})`;
  report({ messageId: 'mediumNotRequested', at, data: { name, medium: volume.medium, what }, fixes });
}

function setMedium(volume: HugePageVolume, medium: string): FixReport {
  return { id: 'setMedium', preferred: true, data: { medium }, edits: (file) => [replaceScalar(file, volume.mediumNode, medium)] };
}
