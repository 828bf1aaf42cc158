// multus-request-capability-missing: an attachment asks for ips, mac, portMappings or bandwidth that no plugin of its NAD takes (RA2 gap 3).
import type { Scalar } from 'yaml';
import { TextEdit } from '../fixes/edits';
import { replaceInString } from '../fixes/string-edits';
import type { Rule } from '../linter/types';
import { findNad, insertProperty, JsonEdit, replaceNode } from '../fixes/cni-config-edits';
import { nadConfig } from '../manifest/cni-config';
import { propertyOf } from '../manifest/json-positions';
import { podNetworks } from '../manifest/multus-networks';
import { ParsedFile } from '../manifest/parse';
import { attachmentRef, podNamespace } from '../workspace/refs';

/** Keys of a network selection element that Multus passes to the plugins as runtime config, and the capability each needs. */
const CAPABILITY_OF: Record<string, string> = { ips: 'ips', mac: 'mac', portMappings: 'portMappings', bandwidth: 'bandwidth' };

export const rule: Rule = {
  meta: {
    id: 'multus-request-capability-missing',
    title: 'Attachment request that no CNI plugin takes',
    gap: 3,
    requirements: ['ra2.ntw.016'],
    defaultSeverity: 'error',
    confidence: 'clear-cut',
    scope: 'workspace',
    appliesTo: 'the `ips`, `mac`, `portMappings` and `bandwidth` keys of each network in the JSON networks annotation, against the plugins of the NetworkAttachmentDefinition it names',
    rationale:
      'Multus passes `ips`, `mac`, `portMappings` and `bandwidth` of an attachment to the CNI plugins as runtime configuration, and a plugin receives a runtime key only when its config declares the matching capability (`"capabilities": {"ips": true}`). Without it the request is dropped without an error: the pod comes up with a dynamic address or a random MAC instead of the one written. Found only when the NetworkAttachmentDefinition is in the workspace, written or made by a network operator from its object: the `capabilities` field of a SriovNetwork, SriovIBNetwork or OVSNetwork goes to the plugin it renders; HostDeviceNetwork, MacvlanNetwork and IPoIBNetwork declare none, so only their meta plugins can take a runtime key.',
    messages: {
      missing:
        'Network \'{{network}}\' asks for "{{key}}", but no plugin of its NetworkAttachmentDefinition declares the "{{capability}}" capability: the request is silently dropped.',
    },
    fixes: { addCapability: 'Declare "capabilities": {"{{capability}}": true} on the first plugin of \'{{network}}\'' },
    links: [
      { title: 'CNI: capabilities and runtime configuration (CONVENTIONS)', url: 'https://github.com/containernetworking/cni/blob/main/CONVENTIONS.md' },
      { title: 'Multus: network selection annotation keys', url: 'https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/how-to-use.md' },
    ],
  },
  check(ctx) {
    for (const pod of ctx.pods) {
      const namespace = podNamespace(pod, ctx.settings);
      for (const element of podNetworks(ctx.file.text, pod)?.elements ?? []) {
        if (!element.valid || !element.name) continue;
        const ref = attachmentRef(element, namespace);
        const nad = ctx.workspace.nad(ref.namespace, ref.name);
        if (!nad?.plugins) continue;
        for (const [key, capability] of Object.entries(CAPABILITY_OF)) {
          const requested = element.keys.get(key);
          if (!requested || isEmpty(requested.value) || nad.plugins.some((p) => p.capabilities.includes(capability))) continue;
          const defaultNamespace = ctx.settings.defaultNamespace;
          const inThisFile = ctx.workspace.inThisFile(nad);
          ctx.report({
            messageId: 'missing',
            at: requested.keySpan,
            data: { network: ref.name, key: requested.written, capability },
            fixes: inThisFile
              ? [{ id: 'addCapability', preferred: true, data: { capability, network: ref.name }, edits: (file) => [addCapability(file, ref.namespace, ref.name, defaultNamespace, capability)] }]
              : [],
          });
        }
      }
    }
  },
};

function isEmpty(v: unknown): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * Declares a capability on the first plugin of the NAD `namespace/name` of this file: sets it to
 * true in a `capabilities` object the plugin has, or adds `"capabilities": {...}` as its first key
 * (on a line of its own when the plugin's keys are on lines of their own).
 */
function addCapability(file: ParsedFile, namespace: string, name: string, defaultNamespace: string, capability: string): TextEdit | undefined {
  const nad = findNad(file, namespace, name, defaultNamespace);
  const config = nad && nadConfig(file.text, nad);
  const plugin = config?.plugins[0]?.node;
  if (!config || plugin?.type !== 'object') return undefined;
  const caps = propertyOf(plugin, 'capabilities')?.value;
  const edit = (e: JsonEdit) => replaceInString(file, config.scalar as Scalar, config.decoded, e.from, e.to, e.text);
  if (caps?.type === 'object') {
    const current = propertyOf(caps, capability)?.value;
    return edit(current ? replaceNode(current, 'true') : insertProperty(config, caps, `"${capability}": true`, 'first'));
  }
  return caps ? undefined : edit(insertProperty(config, plugin, `"capabilities": {"${capability}": true}`, 'first'));
}
