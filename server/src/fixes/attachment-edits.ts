// Edits of one Multus attachment: make it name the NetworkAttachmentDefinition of the pod's own namespace.
import { isScalar } from 'yaml';
import type { NetworkElement, NetworksAnnotation } from '../manifest/multus-networks';
import type { ParsedFile } from '../manifest/parse';
import type { TextEdit } from './edits';
import { replaceInString } from './string-edits';

/**
 * The edit that makes an attachment name the NAD of the pod's own namespace: `ns/name` loses its
 * `ns/`; a JSON element's `namespace` becomes the pod's.
 */
export function repointAttachment(file: ParsedFile, networks: NetworksAnnotation, element: NetworkElement, namespace: string): TextEdit | undefined {
  const scalar = networks.pair.value;
  const decoded = networks.decoded;
  if (!decoded || !isScalar(scalar)) return undefined;
  const key = element.keys.get('namespace');
  if (networks.form === 'json') return key ? replaceInString(file, scalar, decoded, key.node.start, key.node.end, JSON.stringify(namespace)) : undefined;
  const [from, to] = element.range;
  const item = decoded.value.slice(from, to);
  const lead = item.length - item.trimStart().length;
  const slash = item.indexOf('/');
  return slash < 0 ? undefined : replaceInString(file, scalar, decoded, from + lead, from + slash + 1, '');
}
