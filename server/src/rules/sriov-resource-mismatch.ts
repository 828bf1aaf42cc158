// sriov-resource-mismatch: device-plugin resources and the networks that need them disagree (RA2 gap 3).
import { setIn } from '../fixes/edits';
import { addPodNetworks, setDeviceResource } from '../fixes/networks-edits';
import { PLACEHOLDER_SRIOV_RESOURCE } from '../fixes/stubs';
import type { FixReport, Rule, RuleContext } from '../linter/types';
import { nadConfig } from '../manifest/cni-config';
import { propertyOf } from '../manifest/json-positions';
import { NetworkElement, podNetworks } from '../manifest/multus-networks';
import { entries, get, getPair } from '../manifest/nodes';
import { K8sObject } from '../manifest/objects';
import { ContainerView, PodSpecView } from '../manifest/pod-specs';
import { readQuantity } from '../manifest/quantity-node';
import { quantityOf, ResourceEntry } from '../manifest/resource-requirements';
import { hasResourceClaims, isDeviceResource, isNetworkVfResource, resourceNames } from '../manifest/resources';
import { attachmentRef, isResourceOf, nadForResource, podNamespace, refText, resourceLabel } from '../workspace/refs';
import { RESOURCE_NAME_ANNOTATION } from '../workspace/summarize';
import type { IndexedNad } from '../workspace/types';

const NANOS = 1_000_000_000n;

export const rule: Rule = {
  meta: {
    id: 'sriov-resource-mismatch',
    title: 'SR-IOV resource and networks do not match',
    gap: 3,
    requirements: ['ra2.ntw.008', 'ra2.ntw.012', 'ra2.app.009'],
    defaultSeverity: 'warning',
    confidence: 'mixed',
    scope: 'workspace',
    appliesTo:
      'the networks a pod attaches (NetworkAttachmentDefinitions of the workspace, and the NADs network operators make from their objects), the extended resources its containers request, and SR-IOV NetworkAttachmentDefinitions',
    rationale:
      "An SR-IOV network gives a pod a virtual function that the device plugin allocated to one of its containers: the NetworkAttachmentDefinition names the device-plugin resource in its `k8s.v1.cni.cncf.io/resourceName` annotation, and Multus hands each attachment one device of that resource. An attachment with no device requested fails; devices requested with no attachment sit unconfigured; more attachments than devices leave the extra ones without a VF. The API server itself rejects an extended resource whose request differs from its limit or is not a whole number. A network operator's object (SriovNetwork, SriovIBNetwork, OVSNetwork, HostDeviceNetwork) names its resource without the prefix, which is set where the operator runs (`openshift.io`, `nvidia.com`, `intel.com`): a request of that name under any prefix matches, and a fix writes the prefix only when the pod already shows it. The SR-IOV Network Operator deploys the Network Resources Injector by default (`enableInjector`), which adds the request for its networks' resources to the pods that attach them: a pod that attaches a SriovNetwork, SriovIBNetwork or OVSNetwork is not told to request the device itself. A pod that asks for devices through Dynamic Resource Allocation (`resources.claims`, `spec.resourceClaims`) may get its VFs from a claim: it is not told that it requests none, or too few.",
    messages: {
      notRequested:
        "Network '{{network}}' takes its interface from device resource {{resource}}, but no container requests it: the attachment gets no device and the pod fails to start. Request {{count}} of it (requests and limits).",
      tooFewDevices: "The pod attaches {{count}} networks of device resource '{{resource}}' but requests {{requested}}: the attachments beyond {{requested}} get no device.",
      noAttachment:
        "Container '{{container}}' requests '{{resource}}', the device resource of NetworkAttachmentDefinition '{{network}}', but the pod attaches no network of it: the device is allocated and left unconfigured.",
      requestNotLimit: "The request of extended resource '{{resource}}' ({{request}}) differs from its limit ({{limit}}): the API server requires them to be equal.",
      noLimit: "Extended resource '{{resource}}' is requested without a limit: the API server requires a limit equal to the request.",
      notInteger: "'{{value}}' of extended resource '{{resource}}' is not a whole number: devices are handed out whole, so the API server rejects it.",
      nadWithoutResource:
        'This SR-IOV NetworkAttachmentDefinition has neither a k8s.v1.cni.cncf.io/resourceName annotation nor a "deviceID": Multus cannot tell which virtual function to give the pod.',
    },
    fixes: {
      setResource: "Request {{resource}}: {{count}} in container '{{container}}' (requests and limits)",
      addNetwork: "Attach network '{{network}}' (networks annotation)",
      addResourceName: "Add the resourceName annotation ('{{resource}}': replace it with your device-plugin resource)",
    },
    links: [
      { title: 'SR-IOV network device plugin: resourceName and NetworkAttachmentDefinitions', url: 'https://github.com/k8snetworkplumbingwg/sriov-network-device-plugin' },
      { title: 'SR-IOV CNI: configuration reference', url: 'https://github.com/k8snetworkplumbingwg/sriov-cni/blob/master/docs/configuration-reference.md' },
    ],
  },
  check(ctx) {
    for (const pod of ctx.pods) checkPod(ctx, pod);
    for (const o of ctx.objects) if (o.kind === 'NetworkAttachmentDefinition') checkNad(ctx, o);
  },
};

/** A device resource of one container: its entries and whole count (limit, else request). */
interface Requested {
  container: ContainerView;
  request?: ResourceEntry;
  limit?: ResourceEntry;
  count?: bigint;
}

function checkPod(ctx: RuleContext, pod: PodSpecView): void {
  const namespace = podNamespace(pod, ctx.settings);
  const networks = podNetworks(ctx.file.text, pod);
  const requested = new Map<string, Requested[]>();
  const items: Array<[string, Requested]> = [];
  for (const c of pod.containers) {
    const requests = deviceEntries(ctx.file, c, 'requests');
    const limits = deviceEntries(ctx.file, c, 'limits');
    for (const name of new Set([...requests.keys(), ...limits.keys()])) {
      const request = requests.get(name);
      const limit = limits.get(name);
      const q = quantityOf(limit ?? request);
      const item: Requested = { container: c, request, limit, count: q && q.nanos % NANOS === 0n ? q.nanos / NANOS : undefined };
      items.push([name, item]);
      if (c.list === 'containers') requested.set(name, [...(requested.get(name) ?? []), item]);
    }
  }
  // Attachments by the resource the pod requests for them (an operator's bare resource name under
  // whatever prefix the pod writes), or by the NAD's resource when the pod requests none.
  const attached = new Map<string, { nad: IndexedNad; elements: NetworkElement[] }>();
  let unresolved = false;
  for (const e of networks?.elements.filter((el) => el.valid && el.name) ?? []) {
    const ref = attachmentRef(e, namespace);
    const nad = ctx.workspace.nad(ref.namespace, ref.name);
    if (!nad) unresolved = true;
    if (!nad?.resourceName) continue;
    const key = [...requested.keys()].find((r) => isResourceOf(nad, r)) ?? (nad.anyPrefix ? `*/${nad.resourceName}` : nad.resourceName);
    const entry = attached.get(key) ?? { nad, elements: [] };
    entry.elements.push(e);
    attached.set(key, entry);
  }
  for (const [name, item] of items) checkEntries(ctx, item, name, attached.get(name)?.elements.length);
  const first = pod.containers.find((c) => c.list === 'containers');
  // A DRA claim may hold the devices: such a pod is not told it has none, or too few.
  for (const [resource, { nad, elements: list }] of hasResourceClaims(pod) ? [] : attached) {
    const mine = requested.get(resource) ?? [];
    const count = list.length;
    if (mine.length === 0) {
      if (ctx.settings.networkResourcesInjector || nad.injected) continue;
      const request = nad.anyPrefix ? requestUnderPodPrefix(ctx, pod, nad) : nad.resourceName;
      for (const e of list) {
        const fixes = first && request ? [setResourceFix(first, request, count)] : [];
        ctx.report({ messageId: 'notRequested', at: e.nameSpan!, data: { network: e.name!, resource: resourceLabel(nad), count }, fixes });
      }
      continue;
    }
    const total = mine.reduce((n, r) => n + (r.count ?? 0n), 0n);
    if (mine.every((r) => r.count !== undefined) && total < BigInt(count)) {
      const at = mine[0].limit ?? mine[0].request!;
      const fixes = mine.length === 1 ? [setResourceFix(mine[0].container, resource, count)] : [];
      ctx.report({ messageId: 'tooFewDevices', at: at.read?.span ?? at.pair.key!, data: { resource, count, requested: String(total) }, fixes });
    }
  }
  // Without any network, single-interface-assumption reports the device; with one whose NAD is not
  // in the workspace, its resource is unknown and may be this one.
  if (!networks || unresolved) return;
  for (const [resource, list] of requested) {
    if (attached.has(resource)) continue;
    const nad = nadForResource(ctx.workspace, resource, namespace);
    if (!nad) continue;
    const network = refText(nad, namespace);
    for (const r of list) {
      const entry = r.request ?? r.limit!;
      ctx.report({
        messageId: 'noAttachment',
        at: entry.pair.key!,
        data: { container: name(r.container), resource, network },
        fixes: [{ id: 'addNetwork', preferred: true, data: { network }, edits: (file) => [addPodNetworks(file, pod, [network])] }],
      });
    }
  }
}

/**
 * The request for an operator's bare resource name under the prefix the pod already uses for its
 * devices: that of another operator network's resource, else of a network VF; undefined when the
 * pod shows none (no prefix is guessed).
 */
function requestUnderPodPrefix(ctx: RuleContext, pod: PodSpecView, nad: IndexedNad): string | undefined {
  const devices = [...new Set(pod.containers.flatMap((c) => [...resourceNames(c)]))].filter(isDeviceResource);
  const namespace = podNamespace(pod, ctx.settings);
  const fromOperator = devices.find((r) => nadForResource(ctx.workspace, r, namespace)?.anyPrefix);
  const known = fromOperator ?? devices.find(isNetworkVfResource);
  return known && `${known.slice(0, known.indexOf('/'))}/${nad.resourceName}`;
}

/** Request != limit, a request without a limit, a count that is not whole: the API server's own checks. */
function checkEntries(ctx: RuleContext, r: Requested, resource: string, attachments: number | undefined): void {
  const rq = quantityOf(r.request);
  const lq = quantityOf(r.limit);
  const whole = (q: typeof rq) => q !== undefined && q.nanos % NANOS === 0n;
  const target = attachments ?? Number(ceil(lq ?? rq));
  const fixes = target > 0 ? [setResourceFix(r.container, resource, target)] : [];
  let integral = true;
  for (const entry of [r.request, r.limit]) {
    const q = quantityOf(entry);
    if (entry && q && !whole(q)) {
      integral = false;
      ctx.report({ messageId: 'notInteger', severity: 'error', at: entry.read?.span ?? entry.pair.key!, data: { resource, value: entry.read?.spelling ?? '' }, fixes });
    }
  }
  if (!integral || !r.request || !rq) return;
  if (!r.limit) ctx.report({ messageId: 'noLimit', severity: 'error', at: r.request.pair.key!, data: { resource }, fixes });
  else if (lq && lq.nanos !== rq.nanos) {
    const data = { resource, request: r.request.read?.spelling ?? '', limit: r.limit.read?.spelling ?? '' };
    ctx.report({ messageId: 'requestNotLimit', severity: 'error', at: r.request.read?.span ?? r.request.pair.key!, data, fixes });
  }
}

/** The extended (device) resources of a container's requests or limits, with their quantities. */
function deviceEntries(file: { text: string }, c: ContainerView, part: 'requests' | 'limits'): Map<string, ResourceEntry> {
  const out = new Map<string, ResourceEntry>();
  for (const e of entries(get(get(c.map, 'resources'), part))) {
    if (isDeviceResource(e.key)) out.set(e.key, { name: e.key, pair: e.pair, read: readQuantity(file, e.pair.value ?? undefined) });
  }
  return out;
}

/** An SR-IOV NAD in this file without resourceName annotation and without deviceID. */
function checkNad(ctx: RuleContext, nad: K8sObject): void {
  if (getPair(nad.annotations, RESOURCE_NAME_ANNOTATION)) return;
  const config = nadConfig(ctx.file.text, nad);
  for (const plugin of config?.plugins ?? []) {
    const type = plugin.typeProperty?.value;
    if (!type || plugin.type !== 'sriov' || propertyOf(plugin.node, 'deviceID')) continue;
    ctx.report({
      messageId: 'nadWithoutResource',
      severity: 'error',
      at: config!.decoded.span(type.start, type.end),
      fixes: [
        {
          id: 'addResourceName',
          data: { resource: PLACEHOLDER_SRIOV_RESOURCE },
          edits: (file) => [setIn(file, nad.map, ['metadata', 'annotations', RESOURCE_NAME_ANNOTATION], PLACEHOLDER_SRIOV_RESOURCE)],
        },
      ],
    });
  }
}

function setResourceFix(container: ContainerView, resource: string, count: number): FixReport {
  return {
    id: 'setResource',
    preferred: true,
    data: { resource, count, container: name(container) },
    edits: (file) => setDeviceResource(file, container.map, resource, count),
  };
}

/** The smallest whole number of units >= a quantity. */
function ceil(q: { nanos: bigint } | undefined): bigint {
  if (!q) return 0n;
  return q.nanos / NANOS + (q.nanos % NANOS > 0n ? 1n : 0n);
}

const name = (c: ContainerView) => c.name ?? `#${c.index}`;
