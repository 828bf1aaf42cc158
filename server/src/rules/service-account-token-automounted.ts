// service-account-token-automounted: a pod that gets an API token mounted, by its own setting or its ServiceAccount's (RA2 gap 1, ra2.app.029).
import { setPair } from '../fixes/edits';
import type { Rule } from '../linter/types';
import { get, getPair, isFalse, isTrue, stringValue } from '../manifest/nodes';
import type { ParsedFile } from '../manifest/parse';
import { isUnknownText } from '../manifest/unknown';
import { tenantNamespace } from '../workspace/namespaces';

const KEY = 'automountServiceAccountToken';

export const rule: Rule = {
  meta: {
    id: 'service-account-token-automounted',
    title: 'Service account token mounted in the pod',
    gap: 1,
    requirements: ['ra2.app.029'],
    defaultSeverity: 'warning',
    confidence: 'clear-cut',
    scope: 'workspace',
    appliesTo: 'every pod spec outside the infrastructure namespaces, with the ServiceAccount it runs as when the workspace defines it',
    rationale:
      "Kubernetes mounts a token of the pod's ServiceAccount into every container unless the pod spec, or else the ServiceAccount, sets `automountServiceAccountToken: false`. Anyone who takes over a container then holds credentials for the API server, with whatever RBAC grants that account. RA2 requires `automountServiceAccountToken: false` in all pods (ra2.app.029); a pod that needs the API asks for a projected token volume of its own. The pod's own setting wins over its ServiceAccount's; a ServiceAccount that is not in the workspace is not known to set it.",
    messages: {
      podTrue: 'automountServiceAccountToken is true: every container of the pod gets an API token (RA2 ra2.app.029 asks for false).',
      default: "The pod does not set automountServiceAccountToken: false, and its ServiceAccount '{{serviceAccount}}' {{where}}: every container gets an API token (RA2 ra2.app.029).",
    },
    fixes: { setFalse: 'Set automountServiceAccountToken: false in the pod spec' },
    links: [
      { title: 'Kubernetes: opt out of API credential automounting', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting' },
    ],
  },
  check(ctx) {
    for (const pod of ctx.pods) {
      const namespace = tenantNamespace(pod.object, ctx.settings);
      const own = getPair(pod.spec, KEY);
      if (namespace === undefined || isFalse(own?.value)) continue;
      const fixes = [{ id: 'setFalse', edits: (file: ParsedFile) => [setPair(file, pod.spec, KEY, false)] }];
      if (own && isTrue(own.value)) {
        ctx.report({ messageId: 'podTrue', at: own, fixes });
        continue;
      }
      if (own) continue; // a value that is not a boolean (a template's): not known to be true
      const serviceAccount = stringValue(get(pod.spec, 'serviceAccountName')) ?? stringValue(get(pod.spec, 'serviceAccount')) ?? 'default';
      if (isUnknownText(serviceAccount)) continue;
      const account = ctx.workspace.object('ServiceAccount', namespace, serviceAccount);
      if (account?.automountToken === false) continue;
      const where = account ? 'does not set it false either' : 'is not in the workspace';
      ctx.report({ messageId: 'default', at: pod.specPair.key!, data: { serviceAccount, where }, fixes });
    }
  },
};
