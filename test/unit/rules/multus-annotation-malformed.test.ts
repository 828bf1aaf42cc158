// RuleTester cases of multus-annotation-malformed: positions inside the annotation string, and the rewrites it offers.
import { rule } from '../../../server/src/rules/multus-annotation-malformed';
import { ruleTester } from '../rule-tester';

/** A Pod with the networks annotation written as `value` (the text after the key, on its line and below). */
const pod = (value: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: smf
  annotations:
    k8s.v1.cni.cncf.io/networks:${value}
${extra}spec:
  containers:
  - name: smf
`;

const DEPLOYMENT_JSON = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: upf
  namespace: cnf
spec:
  template:
    metadata:
      annotations:
        k8s.v1.cni.cncf.io/networks: |
          [
            {"name": "Bad_Name", "interface": "n3"},
            {"name": "n6-net", "ifname": "n6"}
          ]
    spec:
      containers:
      - name: upf
        image: registry.example.com/upf:1.0
`;

ruleTester(rule, {
  valid: [
    { name: 'a comma list with namespaces and interfaces', code: pod(' n4-net, cnf/n6-net@net2, /n9-net') },
    {
      name: 'JSON in a block with every key Multus knows (keys matched without case, as Go does)',
      code: pod(` |
      [
        {"name": "n3-net", "Interface": "net1", "ips": ["192.0.2.10/24", "2001:db8::10"], "mac": "02:00:00:00:00:01",
         "default-route": ["192.0.2.1"], "cni-args": {"vlan": 10}, "portMappings": [{"hostPort": 8080, "containerPort": 80, "protocol": "tcp"}],
         "bandwidth": {"ingressRate": 1000, "egressRate": 1000}},
        {"name": "n6-net", "namespace": "", "interface": "net2"}
      ]`),
    },
    { name: 'an empty value asks for no network', code: pod(" ''") },
    {
      name: 'the annotation on an object without a pod spec is not read by Multus',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    k8s.v1.cni.cncf.io/networks: "[{broken"\n',
    },
  ],
  invalid: [
    {
      name: 'JSON in a literal block: the bad name is underlined inside the string; an unknown key is renamed in place',
      code: DEPLOYMENT_JSON,
      errors: [
        { messageId: 'badName', line: 12, column: 22, endLine: 12, endColumn: 32, severity: 'error' },
        {
          messageId: 'unknownKey',
          line: 13,
          column: 32,
          endLine: 13,
          endColumn: 40,
          severity: 'warning',
          preferred: 'renameKey',
          fixes: { renameKey: DEPLOYMENT_JSON.replace('"ifname": "n6"', '"interface": "n6"') },
        },
      ],
    },
    {
      name: 'a JSON syntax error inside a double-quoted scalar points at the failing character',
      code: pod(' "[{\\"name\\": \\"n4-net\\",, }]"'),
      errors: [{ messageId: 'jsonSyntax', line: 6, column: 58, endLine: 6, endColumn: 59 }],
    },
    {
      name: 'a comma list: a bad name, two slashes, an empty item and a long interface, each at its place',
      code: pod(' Up, ns/a/b,, n4-net@averyveryverylongname'),
      errors: [
        { messageId: 'badName', line: 6, column: 34, endLine: 6, endColumn: 36 },
        { messageId: 'badListItem', line: 6, column: 38, endLine: 6, endColumn: 44 },
        { messageId: 'emptyItem', line: 6, column: 44, endLine: 6, endColumn: 45 },
        { messageId: 'badInterface', line: 6, column: 54, endLine: 6, endColumn: 75 },
      ],
    },
    {
      name: 'a YAML flow sequence is not a string: written as a comma list (preferred) or as JSON in a | block',
      code: pod(' [n4-net, cnf/n6-net@net2]'),
      errors: [
        {
          messageId: 'notString',
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 59,
          preferred: 'toList',
          fixes: {
            toList: pod(' n4-net, cnf/n6-net@net2'),
            toBlock: pod(` |
      [
        {"name": "n4-net"},
        {"name": "n6-net", "namespace": "cnf", "interface": "net2"}
      ]`),
          },
        },
      ],
    },
    {
      name: 'a YAML block sequence of maps becomes JSON in a | block, CRLF kept',
      code: pod('\r\n      - name: n3-net\r\n        interface: net1').replace(/\n/g, '\r\n').replace(/\r\r\n/g, '\r\n'),
      errors: [
        {
          messageId: 'notString',
          line: 7,
          column: 7,
          endLine: 8,
          endColumn: 24,
          preferred: 'toBlock',
          fixes: { toBlock: pod(' |\n      [\n        {"name": "n3-net", "interface": "net1"}\n      ]').replace(/\n/g, '\r\n') },
        },
      ],
    },
    {
      name: 'a YAML sequence with comments after the key and between items: no rewrite, which would drop them',
      code: pod(' # secondary networks\n      - n4-net # N4\n      # N6 next\n      - n6-net'),
      errors: [{ messageId: 'notString', line: 7, column: 7, endLine: 9, endColumn: 15 }],
    },
    {
      name: 'a JSON list of names: each element is reported; JSON objects (preferred) or a comma list, in the same quotes',
      code: pod(` '["n4-net", "n6-net"]'`, ''),
      errors: [
        {
          messageId: 'elementNotObject',
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 44,
          preferred: 'toJson',
          fixes: { toJson: pod(` '[{"name": "n4-net"}, {"name": "n6-net"}]'`), toList: pod(` 'n4-net, n6-net'`) },
        },
        {
          messageId: 'elementNotObject',
          line: 6,
          column: 46,
          endLine: 6,
          endColumn: 54,
          preferred: 'toJson',
          fixes: { toJson: pod(` '[{"name": "n4-net"}, {"name": "n6-net"}]'`), toList: pod(` 'n4-net, n6-net'`) },
        },
      ],
    },
    {
      name: 'bare names in brackets are not JSON: the error is at the first name',
      code: pod(` '[n4-net, n6-net]'`),
      errors: [
        {
          messageId: 'jsonSyntax',
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 37,
          preferred: 'toJson',
          fixes: { toJson: pod(` '[{"name": "n4-net"}, {"name": "n6-net"}]'`), toList: pod(` 'n4-net, n6-net'`) },
        },
      ],
    },
    {
      name: 'a folded block: bad MAC, a second net1, a bad address, a second default route, eth0, the deprecated key',
      code: pod(` >-
      [{"name": "n3-net", "interface": "net1", "mac": "02:00:00:00:00:0g", "default-route": ["192.0.2.1"]},
      {"name": "n6-net", "interface": "net1", "ips": ["192.0.2.300/24"], "default-route": ["198.51.100.1"]},
      {"name": "n9-net", "interfaceRequest": "net3"}, {"name": "n2-net", "interface": "eth0"}]`),
      errors: [
        { messageId: 'badMac', line: 7, column: 55, endLine: 7, endColumn: 74 },
        { messageId: 'duplicateInterface', line: 8, column: 39, endLine: 8, endColumn: 45 },
        { messageId: 'badIp', line: 8, column: 55, endLine: 8, endColumn: 71 },
        { messageId: 'multipleDefaultRoutes', line: 8, column: 74, endLine: 8, endColumn: 89 },
        {
          messageId: 'deprecatedKey',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 44,
          preferred: 'renameKey',
          fixes: {
            renameKey: pod(` >-
      [{"name": "n3-net", "interface": "net1", "mac": "02:00:00:00:00:0g", "default-route": ["192.0.2.1"]},
      {"name": "n6-net", "interface": "net1", "ips": ["192.0.2.300/24"], "default-route": ["198.51.100.1"]},
      {"name": "n9-net", "interface": "net3"}, {"name": "n2-net", "interface": "eth0"}]`),
          },
        },
        { messageId: 'interfaceEth0', line: 9, column: 87, endLine: 9, endColumn: 93 },
      ],
    },
    {
      name: 'JSON that is an object, not a list',
      code: pod(` '{"name": "n3-net"}'`),
      errors: [{ messageId: 'notList', line: 6, column: 35, endLine: 6, endColumn: 53 }],
    },
    {
      name: 'a wrong type deep in the element, and a network without a name',
      code: pod(` '[{"name": "n3-net", "portMappings": [{"hostPort": "8080"}]}, {"interface": "net2"}]'`),
      errors: [
        { messageId: 'wrongType', line: 6, column: 85, endLine: 6, endColumn: 91 },
        { messageId: 'missingName', line: 6, column: 96, endLine: 6, endColumn: 117 },
      ],
    },
  ],
});
