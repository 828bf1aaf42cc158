// user-namespace-host-namespace-conflict: `hostUsers: false` with a host namespace, or `procMount: Unmasked` without it (RA2 gap 8, sec.sys.021).
import { removePair, replaceScalar, setPairs } from '../fixes/edits';
import type { FixReport, Rule } from '../linter/types';
import { hostNamespacesSet, hostUsersFalse } from '../manifest/host-namespaces';
import { get, getPair, stringValue } from '../manifest/nodes';

export const rule: Rule = {
  meta: {
    id: 'user-namespace-host-namespace-conflict',
    title: 'User namespace combined with a host namespace, or unmasked /proc without one',
    gap: 8,
    requirements: ['sec.sys.021', 'ra2.app.030', 'ra2.app.031'],
    defaultSeverity: 'error',
    confidence: 'clear-cut',
    local: ['hostNamespace'],
    appliesTo: 'the pod spec of every workload kind, and the securityContext of every container, init container and ephemeral container',
    rationale:
      "The API server rejects a pod that sets `hostUsers: false` together with `hostNetwork`, `hostPID` or `hostIPC` (Forbidden: a user namespace cannot be combined with the node's network, PID or IPC namespace), and a container with `procMount: Unmasked` unless the pod sets `hostUsers: false` (an unmasked /proc is only safe inside a user namespace). Either way the workload never starts. Dropping the host namespace keeps the isolation RA2 asks for (sec.sys.021, ra2.app.030, ra2.app.031).",
    messages: {
      hostNamespace:
        'The API server rejects this pod: {{field}}: true is Forbidden when hostUsers is false, because a user namespace cannot share the node\'s {{what}} namespace. Remove {{field}} (RA2 ra2.app.030/.031 forbid it anyway), or remove hostUsers: false.',
      unmaskedProcMount:
        "The API server rejects container '{{name}}': procMount: Unmasked requires the pod to set hostUsers: false, since an unmasked /proc is only safe inside a user namespace. Set procMount: Default, or run the pod in a user namespace.",
    },
    fixes: {
      removeHostNamespace: 'Remove {{field}}',
      removeHostUsers: 'Remove hostUsers: false (the pod shares the node\'s user namespace)',
      setProcMountDefault: 'Set procMount: Default',
      setHostUsersFalse: 'Run the pod in a user namespace (hostUsers: false)',
    },
  },
  check(ctx) {
    // A pod spec written once and aliased by several objects is checked once; parts shared between
    // different pod specs are reported per pod spec, since each has its own hostUsers to fix.
    const seenSpecs = new Set<object>();
    for (const pod of ctx.pods) {
      if (seenSpecs.has(pod.spec)) continue;
      seenSpecs.add(pod.spec);
      const seen = new Set<object>();
      const hostUsers = hostUsersFalse(pod);
      const hostNamespaces = hostNamespacesSet(pod);
      if (hostUsers) {
        for (const { field, pair } of hostNamespaces) {
          const fixes: FixReport[] = [
            { id: 'removeHostNamespace', preferred: true, data: { field }, edits: (file) => [removePair(file, pod.spec, pair)] },
            { id: 'removeHostUsers', edits: (file) => [removePair(file, pod.spec, hostUsers)] },
          ];
          ctx.report({ messageId: 'hostNamespace', at: pair, data: { field, what: WHAT[field] }, fixes });
        }
        continue;
      }
      for (const c of pod.containers) {
        const sc = get(c.map, 'securityContext');
        const pair = getPair(sc, 'procMount');
        if (!pair || stringValue(pair.value) !== 'Unmasked' || seen.has(pair)) continue;
        seen.add(pair);
        const fixes: FixReport[] = [{ id: 'setProcMountDefault', preferred: true, edits: (file) => [replaceScalar(file, pair.value, 'Default')] }];
        if (hostNamespaces.length === 0) fixes.push({ id: 'setHostUsersFalse', edits: (file) => setPairs(file, pod.spec, { hostUsers: false }) });
        ctx.report({ messageId: 'unmaskedProcMount', at: pair, data: { name: c.name ?? `#${c.index}` }, fixes });
      }
    }
  },
};

/** The namespace each host-namespace field shares, in words. */
const WHAT: Record<string, string> = { hostNetwork: 'network', hostPID: 'PID', hostIPC: 'IPC' };
