// privileged-container: a container with `securityContext.privileged: true` (RA2 gap 8, ra2.app.041).
import { appendItem, setPairs, TextEdit } from '../fixes/edits';
import type { FixReport, Rule } from '../linter/types';
import { hostNamespacesSet, hostUsersFalse } from '../manifest/host-namespaces';
import { asMap, asSeq, get, getPair, isTrue, stringValue } from '../manifest/nodes';
import { ParsedFile } from '../manifest/parse';
import { ContainerView } from '../manifest/pod-specs';
import { usesDataPlaneResources } from '../manifest/resources';

export const rule: Rule = {
  meta: {
    id: 'privileged-container',
    title: 'Privileged container',
    gap: 8,
    requirements: ['ra2.app.041', 'sec.sys.021'],
    defaultSeverity: 'error',
    confidence: 'clear-cut',
    local: true,
    appliesTo: 'every container, init container and ephemeral container of a pod spec',
    rationale:
      'A privileged container gets every Linux capability and the devices of its node: a compromise of it is a compromise of the node. RA2 forbids privileged mode (ra2.app.041) and Pod Security Baseline rejects it. Network functions rarely need it: grant the few capabilities the CNF uses (NET_ADMIN, IPC_LOCK for DPDK) and run the pod in a user namespace (`hostUsers: false`), where even those capabilities stay inside the pod.',
    messages: {
      privileged:
        "Container '{{name}}' runs privileged: it gets every capability and the node's devices. Drop privileged mode and add only the capabilities it needs (RA2 ra2.app.041).",
    },
    fixes: {
      setFalse: 'Set privileged: false',
      leastPrivilege: 'Least privilege: privileged false, no privilege escalation, drop ALL capabilities',
      dpdk: 'Least privilege for DPDK/SR-IOV: drop ALL, add IPC_LOCK',
      netAdminUserns: 'Least privilege with NET_ADMIN in a user namespace (hostUsers: false)',
      netAdmin: 'Least privilege with NET_ADMIN (the pod already runs in a user namespace)',
    },
  },
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const sc = asMap(get(c.map, 'securityContext'));
        const pair = getPair(sc, 'privileged');
        if (!sc || !pair || !isTrue(pair.value)) continue;
        const fixes: FixReport[] = [
          { id: 'setFalse', preferred: true, edits: (file) => setPairs(file, sc, { privileged: false }) },
          { id: 'leastPrivilege', edits: (file) => leastPrivilege(file, c, []) },
        ];
        if (usesDataPlaneResources(c)) fixes.push({ id: 'dpdk', edits: (file) => leastPrivilege(file, c, ['IPC_LOCK']) });
        if (hostUsersFalse(pod)) fixes.push({ id: 'netAdmin', edits: (file) => leastPrivilege(file, c, ['NET_ADMIN']) });
        else if (hostNamespacesSet(pod).length === 0) {
          fixes.push({
            id: 'netAdminUserns',
            edits: (file) => [...leastPrivilege(file, c, ['NET_ADMIN']), ...setPairs(file, pod.spec, { hostUsers: false })],
          });
        }
        ctx.report({ messageId: 'privileged', at: pair, data: { name: c.name ?? `#${c.index}` }, fixes });
      }
    }
  },
};

/**
 * Edits that make a container's securityContext least-privilege: privileged and escalation off,
 * every capability dropped, `add` extended with the given capabilities.
 */
function leastPrivilege(file: ParsedFile, c: ContainerView, add: string[]): Array<TextEdit | undefined> {
  const sc = asMap(get(c.map, 'securityContext'));
  if (!sc) return [undefined];
  const caps = asMap(get(sc, 'capabilities'));
  const values: Record<string, unknown> = { privileged: false, allowPrivilegeEscalation: false };
  if (!getPair(sc, 'capabilities')) {
    values.capabilities = add.length ? { drop: ['ALL'], add } : { drop: ['ALL'] };
    return setPairs(file, sc, values);
  }
  if (!caps) return [undefined];
  const edits = setPairs(file, sc, values);
  const capValues: Record<string, unknown> = {};
  const drop = asSeq(get(caps, 'drop'));
  if (!getPair(caps, 'drop')) capValues.drop = ['ALL'];
  else if (!drop || !drop.items.some((i) => stringValue(i) === 'ALL')) return [undefined];
  const existingAdd = asSeq(get(caps, 'add'));
  const missingAdd = add.filter((cap) => !existingAdd?.items.some((i) => stringValue(i) === cap));
  if (missingAdd.length && !getPair(caps, 'add')) capValues.add = missingAdd;
  else if (missingAdd.length && !existingAdd) return [undefined];
  edits.push(...setPairs(file, caps, capValues));
  if (missingAdd.length && existingAdd) edits.push(...missingAdd.map((cap) => appendItem(file, existingAdd, cap)));
  return edits;
}

