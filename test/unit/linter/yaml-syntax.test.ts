// yaml-syntax: parser errors at the parser's position, and keys set twice on the repeated key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { YAML_SYNTAX } from '../../../server/src/linter/engine-rules';
import { lint } from '../../../server/src/linter/lint';
import { Rule } from '../../../server/src/linter/types';
import { parseFile } from '../../../server/src/manifest/parse';
import { defaultSettings } from '../../../server/src/protocol/settings';
import { RULES } from '../../../server/src/rules/index';
import { ruleTester } from '../rule-tester';

/** The engine finding as a rule without checks: lint() reports it for any rule set. */
const engine: Rule = { meta: YAML_SYNTAX, check: () => undefined };

const TWICE = `apiVersion: v1
kind: Pod
metadata:
  name: upf
spec:
  containers:
  - name: upf
    image: upf:1.0
    securityContext:
      privileged: false
    resources:
      limits: {cpu: 1500m, cpu: 2}
    securityContext:   # the one kubectl would read, were it not rejected
      privileged: true
`;

const NO_SEPARATOR = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: upf
# the pod
apiVersion: v1
kind: Pod
metadata:
  name: upf
spec:
  containers:
  - name: upf
`;

ruleTester(engine, {
  valid: [
    { name: 'merge keys may repeat', code: 'base: &b {x: 1}\nother: &o {y: 2}\nm:\n  <<: *b\n  <<: *o\n' },
    { name: 'the same key in two maps', code: 'a:\n  name: x\nb:\n  name: x\n' },
  ],
  invalid: [
    {
      name: 'a key set twice: one finding on each repetition, named',
      code: TWICE,
      errors: [
        { messageId: 'repeatedKey', line: 12, column: 28, endLine: 12, endColumn: 31, severity: 'error' },
        { messageId: 'repeatedKey', line: 13, column: 5, endLine: 13, endColumn: 20, severity: 'error' },
      ],
    },
    {
      name: 'a --- missing between two objects: apiVersion and kind say so, the fix inserts it',
      code: NO_SEPARATOR,
      errors: [
        { messageId: 'missingSeparator', line: 6, column: 1, endLine: 6, endColumn: 11, preferred: 'insertSeparator', fixes: { insertSeparator: NO_SEPARATOR.replace('apiVersion: v1\nkind: Pod', '---\napiVersion: v1\nkind: Pod') } },
        { messageId: 'missingSeparator', line: 7, column: 1, endLine: 7, endColumn: 5 },
        { messageId: 'repeatedKey', line: 8, column: 1, endLine: 8, endColumn: 9 },
      ],
    },
    {
      name: 'CRLF: the separator keeps the line ending',
      code: NO_SEPARATOR.replace(/\n/g, '\r\n'),
      errors: [
        { messageId: 'missingSeparator', line: 6, column: 1, endLine: 6, endColumn: 11, fixes: { insertSeparator: NO_SEPARATOR.replace('apiVersion: v1\nkind: Pod', '---\napiVersion: v1\nkind: Pod').replace(/\n/g, '\r\n') } },
        { messageId: 'missingSeparator', line: 7, column: 1, endLine: 7, endColumn: 5 },
        { messageId: 'repeatedKey', line: 8, column: 1, endLine: 8, endColumn: 9 },
      ],
    },
    {
      name: 'a --- glued to the last value of the first object: the fix moves it onto its own line',
      code: 'kind: ConfigMap\ndata:\n  a: 50---\n\nkind: Secret\n',
      errors: [{ messageId: 'missingSeparator', line: 5, column: 1, endLine: 5, endColumn: 5, fixes: { insertSeparator: 'kind: ConfigMap\ndata:\n  a: 50\n---\n\nkind: Secret\n' } }],
    },
    {
      name: 'a quote left open stays a syntax error (kubectl rejects it too)',
      code: "kind: ConfigMap\ndata:\n  a: 'open\n  b: c\n",
      errors: [{ messageId: 'syntax', line: 5, column: 1, endLine: 5, endColumn: 1 }],
    },
  ],
});

describe('a document with a repeated key is linted with the later value', () => {
  it('reports the privileged container of the later securityContext and the messages name the key', () => {
    const result = lint(parseFile(TWICE), defaultSettings(), RULES);
    const found = result.findings.map((f) => `${f.ruleId}/${f.messageId}@${parseFile(TWICE).lines.positionAt(f.start).line + 1}`);
    assert.ok(found.includes('privileged-container/privileged@14'), found.join(', '));
    assert.ok(!found.some((f) => f.startsWith('exclusive-cpus-not-requested')), 'cpu reads as the later 2');
    assert.deepEqual(result.findings.filter((f) => f.messageId === 'repeatedKey').map((f) => f.message), [
      'cpu is set twice in this map: the YAML spec forbids it, and kubectl silently applies only the later value',
      'securityContext is set twice in this map: the YAML spec forbids it, and kubectl silently applies only the later value',
    ]);
  });
});
