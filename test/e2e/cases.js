// The end-to-end case table: one row per shipped rule, one row per snippet, read by the suite in the editor.
//
// A rule row names a fixture in test/e2e/fixtures/ and states:
// - `at`: the one diagnostic of the rule in that file, 1-based `line:column-line:column` (end exclusive),
//   as the CLI's JSON and the editor's status bar count;
// - `severity` and `messageId` (the message must be that template of the rule's metadata);
// - `fixes`: the titles of every quick-fix offered for it, in order ("Disable <id> for this line" excluded);
// - `apply` and `preferred`: the fix the test applies and whether it is the (one) preferred fix; a rule
//   whose fixes are all unsafe for fix-all has `preferred: false`;
// - `fixed`: the whole document after that fix, as edits to the fixture's lines: `N: 'text'` replaces
//   line N, `N: null` deletes it, `'N+': ['a', 'b']` inserts lines after line N. Every other line must
//   come out byte-identical.
// Adding an e2e case for a new rule is one fixture and one row here; a rule of the registry without a
// row fails the suite.

/** @type {Array<{rule: string, fixture: string, at: string, severity: 'error'|'warning'|'info', messageId: string, fixes: string[], apply: string, preferred: boolean, fixed: Record<string, string|null|string[]>}>} */
const rules = [
  {
    rule: 'host-namespace-sharing',
    fixture: 'host-namespace-sharing.yaml',
    at: '16:7-16:24',
    severity: 'error',
    messageId: 'hostNetwork',
    fixes: [
      'Remove hostNetwork',
      "Use a Multus secondary network instead: remove hostNetwork and annotate the pod with networks 'secondary-network' (a placeholder: name your NetworkAttachmentDefinition)",
    ],
    apply: 'Remove hostNetwork',
    preferred: true,
    fixed: { 16: null },
  },
  {
    rule: 'privileged-container',
    fixture: 'privileged-container.yaml',
    at: '22:11-22:27',
    severity: 'error',
    messageId: 'privileged',
    fixes: [
      'Set privileged: false',
      'Least privilege: privileged false, no privilege escalation, drop ALL capabilities',
      'Least privilege with NET_ADMIN (the pod already runs in a user namespace)',
    ],
    apply: 'Set privileged: false',
    preferred: true,
    fixed: { 22: '          privileged: false' },
  },
  {
    rule: 'user-namespace-host-namespace-conflict',
    fixture: 'user-namespace-host-namespace-conflict.yaml',
    at: '9:3-9:16',
    severity: 'error',
    messageId: 'hostNamespace',
    fixes: ['Remove hostPID', "Remove hostUsers: false (the pod shares the node's user namespace)"],
    apply: 'Remove hostPID',
    preferred: true,
    fixed: { 9: null },
  },
  {
    rule: 'user-namespace-not-enabled',
    fixture: 'user-namespace-not-enabled.yaml',
    at: '17:5-17:9',
    severity: 'info',
    messageId: 'notEnabled',
    fixes: ['Run the pod in a user namespace (hostUsers: false)'],
    apply: 'Run the pod in a user namespace (hostUsers: false)',
    preferred: false,
    fixed: { '24+': ['      hostUsers: false'] },
  },
  {
    rule: 'user-namespace-volume-incompatible',
    fixture: 'user-namespace-volume-incompatible.yaml',
    at: '24:9-24:22',
    severity: 'warning',
    messageId: 'nfs',
    fixes: ["Remove hostUsers: false (the pod shares the node's user namespace)"],
    apply: "Remove hostUsers: false (the pod shares the node's user namespace)",
    preferred: false,
    fixed: { 16: null },
  },
];

// A snippet row: the rules whose findings the inserted snippet must not draw (`'*'`: no cnf-lint
// finding at all), and optionally a `host` text in which the snippet replaces the part between « and »
// (default: it replaces a whole document that draws one finding, so that the test sees the re-lint).
// Every snippet that package.json contributes needs a row.

/** @type {Record<string, {rules: '*' | string[], host?: string}>} */
const snippets = {
  'cnf-securitycontext-least-privilege': {
    rules: ['privileged-container', 'user-namespace-not-enabled'],
    host: [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: snippet-host',
      '  namespace: cnf',
      'spec:',
      '  hostUsers: false',
      '  containers:',
      '  - name: app',
      '    image: registry.example.com/cnf/app:1.0.0',
      '    «securityContext: {privileged: true}»',
      '',
    ].join('\n'),
  },
  'cnf-pod-userns': { rules: '*' },
};

/** Builds the expected text of a fixed fixture from its line edits. */
function applyLineEdits(text, edits) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const out = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (Object.prototype.hasOwnProperty.call(edits, n)) {
      if (edits[n] !== null) out.push(edits[n]);
    } else {
      out.push(line);
    }
    if (edits[`${n}+`]) out.push(...edits[`${n}+`]);
  });
  return out.join(eol);
}

module.exports = { rules, snippets, applyLineEdits };
