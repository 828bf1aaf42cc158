// The kubectl-compatible reading of quoted scalars: yaml-not-portable findings, their fixes, and the values read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../../server/src/fixes/edits';
import { YAML_NOT_PORTABLE } from '../../../server/src/linter/engine-rules';
import { lint } from '../../../server/src/linter/lint';
import { Rule } from '../../../server/src/linter/types';
import { parseFile } from '../../../server/src/manifest/parse';
import { defaultSettings } from '../../../server/src/protocol/settings';
import { ruleTester } from '../rule-tester';

/** The engine finding as a rule without checks: lint() reports it for any rule set. */
const engine: Rule = { meta: YAML_NOT_PORTABLE, check: () => undefined };

const NAD = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: sriov-net1
spec:
  config: '{
  "type": "sriov",
  "cniVersion": "0.3.1",
  "name": "sriov-net1"
}'
`;
const CRLF = 'apiVersion: k8s.cni.cncf.io/v1\r\nkind: NetworkAttachmentDefinition\r\nmetadata:\r\n  name: a\r\nspec:\r\n  config: \'{\r\n  "type": "macvlan",\r\n  "cniVersion": "0.3.1"\r\n  }\'\r\n';
const TABS = 'kind: ConfigMap\ndata:\n  config: \'{\n\t"type": "macvlan",\n\t"mode": "bridge"\n  }\'\n';
const OWN_LINE = "kind: ConfigMap\ndata:\n  motd: 'first\n  second\n'\n  other: x\n";
const SINGLE_ESCAPE = "kind: ConfigMap\ndata:\n  a: 'it''\n  s here'\n";
const DOUBLE_ESCAPE = 'kind: ConfigMap\ndata:\n  a: "say \\"\n  hi\\""\n';
const FLOW = "kind: ConfigMap\ndata: {config: '{\n\"type\": \"bridge\"\n}', other: 'x'}\n";
const MIXED = "kind: ConfigMap\ndata:\n  good: 'one\n    two'\n  bad: 'three\n  four'\n  plain: x\n";
const SEQ_ITEM = 'kind: ConfigMap\nitems:\n- name: a\n  value: \'[\n  {"name": "x"}\n  ]\'\n';

ruleTester(engine, {
  valid: [
    { name: 'a quoted string indented below its key', code: 'kind: ConfigMap\ndata:\n  a: \'{\n    "x": 1\n    }\'\n' },
    { name: 'one-line quoted strings', code: 'kind: ConfigMap\ndata:\n  a: \'{"x": 1}\'\n  b: "y"\n' },
    { name: 'a quote left open is a syntax error, not a kubectl-only string', code: "kind: ConfigMap\ndata:\n  a: 'open\n  b: c\n" },
    { name: 'a multi-line quoted key (Go rejects it too)', code: "kind: ConfigMap\ndata:\n  'a\n  b': c\n" },
  ],
  invalid: [
    {
      name: 'a NAD config in the style of the SR-IOV docs, closing brace at column 0',
      code: NAD,
      errors: [
        {
          messageId: 'notPortable',
          line: 6,
          column: 11,
          endLine: 10,
          endColumn: 3,
          severity: 'info',
          preferred: 'indent',
          fixes: {
            indent: NAD.replace(/\n {2}"/g, '\n      "').replace("\n}'", "\n    }'"),
            block: NAD.replace(/config: '\{\n([\s\S]*)\n\}'\n/, (_all, body: string) => `config: |\n    {\n${body.replace(/^ {2}/gm, '      ')}\n    }\n`),
          },
        },
      ],
    },
    {
      name: 'CRLF line endings stay CRLF',
      code: CRLF,
      errors: [
        {
          messageId: 'notPortable',
          line: 6,
          column: 11,
          endLine: 9,
          endColumn: 5,
          fixes: {
            indent: CRLF.replace(/\r\n {2}(["}])/g, '\r\n    $1'),
            block: 'apiVersion: k8s.cni.cncf.io/v1\r\nkind: NetworkAttachmentDefinition\r\nmetadata:\r\n  name: a\r\nspec:\r\n  config: |\r\n    {\r\n    "type": "macvlan",\r\n    "cniVersion": "0.3.1"\r\n    }\r\n',
          },
        },
      ],
    },
    {
      name: 'tabs at the start of continuation lines',
      code: TABS,
      errors: [
        {
          messageId: 'notPortable',
          line: 3,
          column: 11,
          endLine: 6,
          endColumn: 5,
          fixes: {
            indent: 'kind: ConfigMap\ndata:\n  config: \'{\n    \t"type": "macvlan",\n    \t"mode": "bridge"\n      }\'\n',
            block: 'kind: ConfigMap\ndata:\n  config: |\n    {\n    "type": "macvlan",\n    "mode": "bridge"\n     }\n',
          },
        },
      ],
    },
    {
      name: 'a closing quote on a line of its own at column 0 (not JSON: no block fix)',
      code: OWN_LINE,
      errors: [{ messageId: 'notPortable', line: 3, column: 9, endLine: 5, endColumn: 2, fixes: { indent: "kind: ConfigMap\ndata:\n  motd: 'first\n      second\n    '\n  other: x\n" } }],
    },
    {
      name: "an escaped single quote ('') at a line end",
      code: SINGLE_ESCAPE,
      errors: [{ messageId: 'notPortable', line: 3, column: 6, endLine: 4, endColumn: 10, fixes: { indent: "kind: ConfigMap\ndata:\n  a: 'it''\n    s here'\n" } }],
    },
    {
      name: 'an escaped double quote (\\") at a line end',
      code: DOUBLE_ESCAPE,
      errors: [{ messageId: 'notPortable', line: 3, column: 6, endLine: 4, endColumn: 8, fixes: { indent: 'kind: ConfigMap\ndata:\n  a: "say \\"\n    hi\\""\n' } }],
    },
    {
      name: 'a multi-line scalar inside a flow map (no block in a flow map)',
      code: FLOW,
      errors: [{ messageId: 'notPortable', line: 2, column: 16, endLine: 4, endColumn: 3, fixes: { indent: "kind: ConfigMap\ndata: {config: '{\n  \"type\": \"bridge\"\n  }', other: 'x'}\n" } }],
    },
    {
      name: 'portable and non-portable scalars in one file: only the latter',
      code: MIXED,
      errors: [{ messageId: 'notPortable', line: 5, column: 8, endLine: 6, endColumn: 8, fixes: { indent: MIXED.replace('\n  four', '\n    four') } }],
    },
    {
      name: 'a value in a sequence item: indented past the item key',
      code: SEQ_ITEM,
      errors: [
        {
          messageId: 'notPortable',
          line: 4,
          column: 10,
          endLine: 6,
          endColumn: 5,
          fixes: {
            indent: 'kind: ConfigMap\nitems:\n- name: a\n  value: \'[\n    {"name": "x"}\n    ]\'\n',
            block: 'kind: ConfigMap\nitems:\n- name: a\n  value: |\n    [\n    {"name": "x"}\n    ]\n',
          },
        },
      ],
    },
  ],
});

/** Every string value of a YAML text, by path, as yaml reads it (strictly: no error allowed) or as cnf-lint reads it. */
function strings(text: string, lenient: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') out[path] = v;
    else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, `${path}/${k}`);
  };
  if (lenient) parseFile(text).documents.forEach((d, i) => walk(d.doc.toJS(), `${i}`));
  else
    parseAllDocuments(text, { version: '1.1' }).forEach((d, i) => {
      assert.deepEqual('errors' in d ? d.errors.map((e) => e.message) : [], [], 'the fixed text parses without error');
      walk(d.toJS(), `${i}`);
    });
  return out;
}

describe('yaml-not-portable: values as kubectl reads them, kept by every fix', () => {
  const texts = { NAD, CRLF, TABS, OWN_LINE, SINGLE_ESCAPE, DOUBLE_ESCAPE, FLOW, MIXED, SEQ_ITEM };
  it('reads the values Go folds (line breaks to spaces, indentation dropped, escapes decoded)', () => {
    assert.equal(strings(NAD, true)['0/spec/config'], '{ "type": "sriov", "cniVersion": "0.3.1", "name": "sriov-net1" }');
    assert.equal(strings(OWN_LINE, true)['0/data/motd'], 'first second ');
    assert.equal(strings(SINGLE_ESCAPE, true)['0/data/a'], "it' s here");
    assert.equal(strings(DOUBLE_ESCAPE, true)['0/data/a'], 'say " hi"');
    assert.equal(strings(FLOW, true)['0/data/other'], 'x');
  });
  for (const [name, text] of Object.entries(texts)) {
    it(`${name}: the indent fix keeps every value; the block fix keeps the JSON`, () => {
      const before = strings(text, true);
      const finding = lint(parseFile(text), defaultSettings(), []).findings.find((f) => f.ruleId === 'yaml-not-portable')!;
      for (const fix of finding.fixes) {
        const edits = fix.edits();
        if (!edits) continue;
        const after = strings(applyEdits(text, edits), false);
        if (fix.id === 'indent') assert.deepEqual(after, before);
        else {
          const json = (v: string | undefined) => (v !== undefined && /^\s*[[{]/.test(v) ? JSON.parse(v) : v);
          assert.deepEqual(Object.fromEntries(Object.entries(after).map(([k, v]) => [k, json(v)])), Object.fromEntries(Object.entries(before).map(([k, v]) => [k, json(v)])));
        }
      }
    });
  }
  it('lints the document: the rules see the kubectl value at the original positions', () => {
    const text = NAD.replace('metadata:\n', 'metadata:\n  annotations:\n    note: x\n');
    const file = parseFile(text);
    assert.deepEqual(file.documents[0].errors, []);
    const config = file.documents[0].nonPortable[0];
    assert.deepEqual([text.slice(config.start, config.start + 2), text.slice(config.end - 2, config.end)], ["'{", "}'"]);
  });
});
