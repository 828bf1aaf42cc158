// RuleTester cases of nad-ipam-not-cluster-wide: host-local on shared-segment plugins, switched to whereabouts in the config's own layout.
import { rule } from '../../../server/src/rules/nad-ipam-not-cluster-wide';
import { ruleTester } from '../rule-tester';

const HEAD = 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: n4-net\n  namespace: cnf\nspec:\n';
const nad = (config: string) => HEAD + config + '\n';

const LITERAL = nad(`  config: |
    {
      "cniVersion": "1.0.0",
      "name": "n4-net",
      "type": "macvlan",
      "ipam": {
        "type": "host-local",
        "subnet": "192.0.2.0/24",
        "rangeStart": "192.0.2.10",
        "rangeEnd": "192.0.2.200",
        "gateway": "192.0.2.1",
        "routes": [{"dst": "0.0.0.0/0"}],
        "dataDir": "/run/ipam"
      }
    }`);
const LITERAL_FIXED = nad(`  config: |
    {
      "cniVersion": "1.0.0",
      "name": "n4-net",
      "type": "macvlan",
      "ipam": {
        "type": "whereabouts",
        "range": "192.0.2.0/24",
        "range_start": "192.0.2.10",
        "range_end": "192.0.2.200",
        "gateway": "192.0.2.1",
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    }`);
const DUAL_STACK = nad(
  `  config: '{"cniVersion": "1.0.0", "plugins": [{"type": "bridge", "bridge": "br1", "ipam": {"type": "host-local", "ranges": [[{"subnet": "192.0.2.0/24"}], [{"subnet": "2001:db8::/64"}]]}}, {"type": "tuning"}]}'`,
);
const DOUBLE = nad('  config: "{\\"cniVersion\\": \\"1.0.0\\", \\"type\\": \\"ipvlan\\", \\"ipam\\": {\\"type\\": \\"host-local\\", \\"subnet\\": \\"198.51.100.0/24\\"}}"');

ruleTester(rule, {
  valid: [
    { name: 'whereabouts', code: nad(`  config: '{"cniVersion": "1.0.0", "type": "macvlan", "ipam": {"type": "whereabouts", "range": "192.0.2.0/24"}}'`) },
    { name: 'host-local on an SR-IOV VF (a point-to-point segment per VF is the operator\'s choice)', code: nad(`  config: '{"cniVersion": "1.0.0", "type": "sriov", "ipam": {"type": "host-local", "subnet": "198.51.100.0/24"}}'`) },
    { name: 'static addresses', code: nad(`  config: '{"cniVersion": "1.0.0", "type": "host-device", "device": "ens3", "ipam": {"type": "static"}}'`) },
  ],
  invalid: [
    {
      name: 'literal block: the IPAM object rewritten in place, one key per line, host-local files dropped',
      code: LITERAL,
      errors: [{ messageId: 'hostLocal', line: 13, column: 17, endLine: 13, endColumn: 29, severity: 'warning', preferred: 'toWhereabouts', fixes: { toWhereabouts: LITERAL_FIXED } }],
    },
    {
      name: 'single-quoted plugin list with two range sets: ipRanges, on one line',
      code: DUAL_STACK,
      errors: [
        {
          messageId: 'hostLocal',
          line: 7,
          column: 101,
          endLine: 7,
          endColumn: 113,
          preferred: 'toWhereabouts',
          fixes: { toWhereabouts: DUAL_STACK.replace('{"type": "host-local", "ranges": [[{"subnet": "192.0.2.0/24"}], [{"subnet": "2001:db8::/64"}]]}', '{"type": "whereabouts", "ipRanges": [{"range": "192.0.2.0/24"}, {"range": "2001:db8::/64"}]}') },
        },
      ],
    },
    {
      name: 'double-quoted with escaped quotes: the config rewritten as a block',
      code: DOUBLE,
      errors: [
        {
          messageId: 'hostLocal',
          line: 7,
          column: 83,
          endLine: 7,
          endColumn: 97,
          preferred: 'toWhereabouts',
          fixes: { toWhereabouts: nad('  config: |\n    {\n      "cniVersion": "1.0.0",\n      "type": "ipvlan",\n      "ipam": {\n        "type": "whereabouts",\n        "range": "198.51.100.0/24"\n      }\n    }') },
        },
      ],
    },
  ],
});
