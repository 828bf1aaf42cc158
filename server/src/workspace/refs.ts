// How references between objects resolve: the namespace of a pod, the NAD an attachment names.
import type { NetworkElement } from '../manifest/multus-elements';
import type { PodSpecView } from '../manifest/pod-specs';
import type { Settings } from '../protocol/settings';
import type { IndexedNad, NetworkRef, WorkspaceView } from './types';

/** The namespace a pod (template) runs in: its object's `metadata.namespace`, else the default namespace setting. */
export function podNamespace(pod: PodSpecView, settings: Settings): string {
  return pod.object.namespace ?? settings.defaultNamespace;
}

/** The NetworkAttachmentDefinition an attachment names: its own namespace (`ns/name`, JSON `namespace`), else the pod's. */
export function attachmentRef(element: NetworkElement, namespace: string): NetworkRef {
  return { namespace: element.namespace ?? namespace, name: element.name ?? '' };
}

/** How a pod in `namespace` names a network: `name` in its own namespace, `ns/name` in another. */
export function refText(ref: NetworkRef, namespace: string): string {
  return ref.namespace === namespace ? ref.name : `${ref.namespace}/${ref.name}`;
}

/** The NAD of a resource that a pod in `namespace` would attach: one in its own namespace first, then the first found. */
export function nadForResource(workspace: WorkspaceView, resource: string, namespace: string): IndexedNad | undefined {
  const nads = workspace.nadsWithResource(resource);
  return nads.find((n) => n.namespace === namespace) ?? nads[0];
}

/** True when a container request of `resource` (`intel.com/n3`) is a NAD's device resource: the same name, or for a bare operator name the same name under any prefix. */
export function isResourceOf(nad: IndexedNad, resource: string): boolean {
  if (!nad.resourceName) return false;
  if (!nad.anyPrefix) return resource === nad.resourceName;
  const slash = resource.indexOf('/');
  return slash > 0 && resource.slice(slash + 1) === nad.resourceName;
}

/** A NAD's device resource for a message, quoted: `'intel.com/n3'`; a bare operator name without a prefix it might not have. */
export function resourceLabel(nad: IndexedNad): string {
  return nad.anyPrefix ? `'${nad.resourceName}' (under the resource prefix its operator publishes)` : `'${nad.resourceName ?? ''}'`;
}
