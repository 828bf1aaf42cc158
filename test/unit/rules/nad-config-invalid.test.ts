// RuleTester cases of nad-config-invalid: the config in every YAML scalar style, escapes before the token, CRLF, the block fallback.
import { rule } from '../../../server/src/rules/nad-config-invalid';
import { ruleTester } from '../rule-tester';

const HEAD = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n4-net
  namespace: cnf
spec:
`;
const nad = (config: string) => HEAD + config + '\n';

const LITERAL = nad(`  config: |
    {
      "name": "n4-net",
      "type": "macvlan",
      "mode": "bridge"
    }`);
const SINGLE_TRAILING_COMMA = nad(`  config: '{"cniVersion": "1.0.0", "name": "n4", "type": "macvlan", "mode": "bridged", "mtu": "1500",}'`);
const DOUBLE_ESCAPES = nad(`  config: "{\\"cniVersion\\": \\"0.3.2\\", \\"name\\": \\"n4-\\u0041\\", \\"type\\": \\"vlan\\", \\"vlanId\\": 4095}"`);
const FOLDED = nad(`  config: >
    {"cniVersion": "1.0.0", "plugins": [
     {"type": "sriov", "vlanQoS": 3, "min_tx_rate": 200, "max_tx_rate": 100},
     {"capabilities": {"mac": true}}]}`);
const SINGLE_QUOTE_ESCAPE = nad(`  config: '{"cniVersion": "1.0.0", "name": "it''s", "type": "bridge", "vlan": -1}'`);
const MAPPING = nad(`  config:
    cniVersion: 1.0.0
    type: macvlan`);
const NO_CONFIG = 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: N4_net\nspec: {}\n';
const CRLF = ['apiVersion: k8s.cni.cncf.io/v1', 'kind: NetworkAttachmentDefinition', 'metadata:', '  name: n4-net', 'spec:', '  config: |', '    {', '      "type": "ipvlan",', '      "mode": "l4"', '    }', ''].join('\r\n');
const MULTI_LINE_SINGLE = nad(`  config: '{"cniVersion": "1.0.0",
    "type": "macvlan", "plugins": [],
    "ipam": {"type": "host-local"}
    }'`);
/** The style only kubectl reads: the quoted config continues at the key's indentation. */
const NON_PORTABLE = nad(`  config: '{"cniVersion": "1.0.0", "name": "n4-net",
  "type": "macvlan", "mode": "bridged"
}'`);
const PLAIN = nad(`  config: {"cniVersion": "9.9.9", "type": "tuning", "sysctl": {"net.ipv4.ip_forward": 1}}`.replace('config: {', "config: '{").replace('}}', "}}'"));

ruleTester(rule, {
  valid: [
    { name: 'a macvlan list with whereabouts, written as a block', code: nad(`  config: |\n    {"cniVersion": "1.0.0", "name": "n4-net", "plugins": [{"type": "macvlan", "mode": "bridge", "ipam": {"type": "whereabouts", "range": "192.0.2.0/24"}}, {"type": "tuning", "mtu": 9000}]}`) },
    { name: 'no CNI name: the NAD client fills in metadata.name', code: nad(`  config: '{"cniVersion": "0.3.1", "type": "sriov", "vlan": 100, "vlanQoS": 2, "spoofchk": "off"}'`) },
    { name: 'keys in another case are read as Go reads them', code: nad(`  config: '{"cniVersion": "1.0.0", "type": "vlan", "Master": "ens1f0", "VlanId": 200}'`) },
    { name: 'an unknown plugin type is checked for the common fields only', code: nad(`  config: '{"cniVersion": "1.1.0", "type": "my-plugin", "mode": 7, "vlan": "x"}'`) },
    { name: 'a literal master is fine; vrf fields are left to nad-vrf-plugin-misconfigured', code: nad(`  config: '{"cniVersion": "1.0.0", "plugins": [{"type": "macvlan", "master": "ens2f0"}, {"type": "vrf", "table": "x"}]}'`) },
    { name: 'bandwidth with rate and burst, portmap and sbr', code: nad(`  config: '{"cniVersion": "1.0.0", "plugins": [{"type": "bridge", "bridge": "br1"}, {"type": "bandwidth", "ingressRate": 1000, "ingressBurst": 100}, {"type": "portmap", "markMasqBit": 13}, {"type": "sbr", "table": 100}]}'`) },
  ],
  invalid: [
    {
      name: 'literal block without cniVersion: the version added on a line of its own',
      code: LITERAL,
      errors: [{ messageId: 'noCniVersion', line: 8, column: 5, endLine: 8, endColumn: 6, severity: 'warning', preferred: 'addCniVersion', fixes: { addCniVersion: LITERAL.replace('    {\n', '    {\n      "cniVersion": "1.0.0",\n') } }],
    },
    {
      name: 'single-quoted with a trailing comma: at the character where parsing failed',
      code: SINGLE_TRAILING_COMMA,
      errors: [{ messageId: 'jsonSyntax', line: 7, column: 102, endLine: 7, endColumn: 103 }],
    },
    {
      name: 'double-quoted with escapes before the tokens: spans over the escapes; the version set between its quotes, the name by a block rewrite (an escape inside it)',
      code: DOUBLE_ESCAPES,
      errors: [
        { messageId: 'schemaMissing', line: 7, column: 12, endLine: 7, endColumn: 13 },
        { messageId: 'badCniVersion', line: 7, column: 29, endLine: 7, endColumn: 38, preferred: 'setCniVersion', fixes: { setCniVersion: DOUBLE_ESCAPES.replace('0.3.2', '1.0.0') } },
        {
          messageId: 'nameMismatch',
          line: 7,
          column: 50,
          endLine: 7,
          endColumn: 63,
          severity: 'info',
          preferred: 'setName',
          fixes: { setName: nad('  config: |\n    {\n      "cniVersion": "0.3.2",\n      "name": "n4-net",\n      "type": "vlan",\n      "vlanId": 4095\n    }') },
        },
        { messageId: 'schemaValue', line: 7, column: 97, endLine: 7, endColumn: 101 },
      ],
    },
    {
      name: 'folded block with a plugin list: sriov vlanQoS without vlan, min rate above max, a plugin without type',
      code: FOLDED,
      errors: [
        { messageId: 'schemaDependency', line: 9, column: 24, endLine: 9, endColumn: 33 },
        { messageId: 'txRate', line: 9, column: 53, endLine: 9, endColumn: 56 },
        { messageId: 'pluginNoType', line: 10, column: 6, endLine: 10, endColumn: 7 },
      ],
    },
    {
      name: "single-quoted with '' before the token: bridge vlan below 0; the name fixed by a rewrite (the '' is not written one to one)",
      code: SINGLE_QUOTE_ESCAPE,
      errors: [
        {
          messageId: 'nameMismatch',
          line: 7,
          column: 44,
          endLine: 7,
          endColumn: 51,
          preferred: 'setName',
          fixes: { setName: nad('  config: |\n    {\n      "cniVersion": "1.0.0",\n      "name": "n4-net",\n      "type": "bridge",\n      "vlan": -1\n    }') },
        },
        { messageId: 'schemaValue', line: 7, column: 79, endLine: 7, endColumn: 81 },
      ],
    },
    {
      name: 'a YAML mapping: rewritten as JSON in a block',
      code: MAPPING,
      errors: [{ messageId: 'notString', line: 8, column: 5, endLine: 9, endColumn: 18, preferred: 'toBlock', fixes: { toBlock: nad('  config: |\n    {\n      "cniVersion": "1.0.0",\n      "type": "macvlan"\n    }') } }],
    },
    {
      name: 'no config (on spec) and a name that is no DNS-1123 label',
      code: NO_CONFIG,
      errors: [
        { messageId: 'badName', line: 4, column: 9, endLine: 4, endColumn: 15 },
        { messageId: 'noConfig', line: 5, column: 1, endLine: 5, endColumn: 5, severity: 'warning' },
      ],
    },
    {
      name: 'CRLF literal block: the inserted line keeps CRLF; ipvlan mode l4',
      code: CRLF,
      errors: [
        { messageId: 'noCniVersion', line: 7, column: 5, endLine: 7, endColumn: 6, preferred: 'addCniVersion', fixes: { addCniVersion: CRLF.replace('    {\r\n', '    {\r\n      "cniVersion": "1.0.0",\r\n') } },
        { messageId: 'schemaValue', line: 9, column: 15, endLine: 9, endColumn: 19 },
      ],
    },
    {
      name: 'multi-line single-quoted: type and plugins together; host-local without subnet or ranges',
      code: MULTI_LINE_SINGLE,
      errors: [
        { messageId: 'typeAndPlugins', line: 8, column: 24, endLine: 8, endColumn: 33 },
        { messageId: 'schemaOneOf', line: 9, column: 13, endLine: 9, endColumn: 14 },
      ],
    },
    {
      name: 'the non-portable style kubectl reads: macvlan mode at its place in the source',
      code: NON_PORTABLE,
      errors: [{ messageId: 'schemaValue', line: 8, column: 30, endLine: 8, endColumn: 39 }],
    },
    {
      name: 'an unknown version, and a tuning sysctl that is no string: the version set in place in single quotes',
      code: PLAIN,
      errors: [
        { messageId: 'badCniVersion', line: 7, column: 27, endLine: 7, endColumn: 34, preferred: 'setCniVersion', fixes: { setCniVersion: PLAIN.replace('9.9.9', '1.0.0') } },
        { messageId: 'schemaType', line: 7, column: 88, endLine: 7, endColumn: 89 },
      ],
    },
  ],
});
