// multus-cross-namespace-attachment: a pod attaches a NetworkAttachmentDefinition of another tenant's namespace (RA2 gap 1).
import { appendDocument } from '../fixes/append-document';
import { repointAttachment } from '../fixes/attachment-edits';
import type { FixReport, Rule } from '../linter/types';
import { podNetworks } from '../manifest/multus-networks';
import { tenantNamespace } from '../workspace/namespaces';
import { RESOURCE_NAME_ANNOTATION } from '../workspace/summarize';
import type { IndexedObject } from '../workspace/types';

export const rule: Rule = {
  meta: {
    id: 'multus-cross-namespace-attachment',
    title: 'Multus attachment to another namespace',
    gap: 1,
    requirements: ['e.man.004', 'ra2.k8s.021', 'ra2.ntw.016'],
    defaultSeverity: 'warning',
    confidence: 'clear-cut',
    scope: 'workspace',
    appliesTo: 'every network a pod (template) outside the infrastructure namespaces attaches with `k8s.v1.cni.cncf.io/networks`',
    rationale:
      "A NetworkAttachmentDefinition belongs to its namespace's tenant. A pod that names one of another namespace (`ns/name`, or the JSON `namespace` key) joins that tenant's network, across the boundary namespaces are meant to draw; with Multus `namespaceIsolation: true` (`multus.namespaceIsolation`) Multus refuses it and the pod does not start. References to `default` and to Multus `globalNamespaces` (`multus.globalNamespaces`) are allowed by design. Give the tenant its own copy of the network.",
    messages: {
      crossNamespace: "The pod in namespace '{{namespace}}' attaches '{{target}}/{{name}}', a NetworkAttachmentDefinition of another namespace: {{consequence}}.",
    },
    fixes: {
      copyNad: "Copy NetworkAttachmentDefinition '{{name}}' into namespace '{{namespace}}' (end of this file) and attach that one",
      useOwn: "Attach '{{name}}' of namespace '{{namespace}}' instead",
    },
    links: [
      { title: 'Multus: namespaceIsolation and globalNamespaces', url: 'https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/configuration.md' },
    ],
  },
  check(ctx) {
    const { namespaceIsolation, globalNamespaces } = ctx.settings.multus;
    for (const pod of ctx.pods) {
      const namespace = tenantNamespace(pod.object, ctx.settings);
      const networks = namespace === undefined ? undefined : podNetworks(ctx.file.text, pod);
      if (!networks || namespace === undefined) continue;
      for (const element of networks.elements) {
        const target = element.namespace;
        if (!element.valid || !element.name || !element.namespaceSpan || target === undefined || target === namespace) continue;
        if (target === 'default' || globalNamespaces.includes(target)) continue;
        const name = element.name;
        const consequence = namespaceIsolation ? 'Multus runs with namespaceIsolation and refuses it, the pod does not start' : "it joins another tenant's network (Multus with namespaceIsolation would refuse it)";
        const fixes: FixReport[] = [];
        const own = ctx.workspace.nad(namespace, name);
        const source = ctx.workspace.object('NetworkAttachmentDefinition', target, name);
        if (own) fixes.push({ id: 'useOwn', data: { name, namespace }, edits: (file) => [repointAttachment(file, networks, element, namespace)] });
        else if (source?.nadConfig !== undefined) {
          const copy = nadCopy(source, pod.object.namespace);
          fixes.push({ id: 'copyNad', data: { name, namespace }, edits: (file) => [repointAttachment(file, networks, element, namespace), appendDocument(file, copy)] });
        }
        ctx.report({ messageId: 'crossNamespace', at: element.namespaceSpan, severity: namespaceIsolation ? 'error' : undefined, data: { namespace, target, name, consequence }, fixes });
      }
    }
  },
};

/** A copy of a NetworkAttachmentDefinition in the pod's namespace (left out when the pod's is). */
function nadCopy(source: IndexedObject, namespace: string | undefined): Record<string, unknown> {
  const metadata: Record<string, unknown> = { name: source.name };
  if (namespace !== undefined) metadata.namespace = namespace;
  if (source.nad?.resourceName) metadata.annotations = { [RESOURCE_NAME_ANNOTATION]: source.nad.resourceName };
  return { apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition', metadata, spec: { config: source.nadConfig } };
}
