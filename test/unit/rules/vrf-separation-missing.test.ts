// RuleTester cases of vrf-separation-missing: overlapping subnets and two default routes in one routing table, across NADs.
import { rule } from '../../../server/src/rules/vrf-separation-missing';
import { ruleTester } from '../rule-tester';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: upf
  namespace: cnf
spec:
  template:
    metadata:
      annotations:
        k8s.v1.cni.cncf.io/networks: |
          [{"name": "n3-net", "interface": "n3"}, {"name": "n6-net", "interface": "n6"}]
    spec:
      containers:
      - name: upf
        image: registry.example.com/upf:1
`;
const N3 = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n3-net
  namespace: cnf
spec:
  config: '{"cniVersion": "1.0.0", "type": "macvlan", "ipam": {"type": "whereabouts", "range": "10.0.0.0/16", "routes": [{"dst": "0.0.0.0/0"}]}}'
`;
const N6_LIST = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n6-net
  namespace: cnf
spec:
  config: |
    {
      "cniVersion": "1.0.0",
      "name": "n6-net",
      "plugins": [
        {"type": "macvlan", "ipam": {"type": "static", "addresses": [{"address": "10.0.6.5/24"}]}}
      ]
    }
`;
const N6_SINGLE = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n6-net
  namespace: cnf
spec:
  config: '{"cniVersion": "1.0.0", "name": "n6-net", "type": "sriov", "ipam": {"type": "whereabouts", "range": "192.0.2.0/24", "routes": [{"dst": "0.0.0.0/0"}]}}'
`;
const OVERLAP = `${DEPLOYMENT}---\n${N3}---\n${N6_LIST}`;
const ROUTES = `${DEPLOYMENT}---\n${N3}---\n${N6_SINGLE}`;
const ROUTES_FIXED = `${DEPLOYMENT}---\n${N3}---\n${N6_SINGLE.replace(/ {2}config: '.*'\n/, `  config: |
    {
      "cniVersion": "1.0.0",
      "name": "n6-net",
      "plugins": [
        {
          "type": "sriov",
          "ipam": {
            "type": "whereabouts",
            "range": "192.0.2.0/24",
            "routes": [
              {
                "dst": "0.0.0.0/0"
              }
            ]
          }
        },
        {
          "type": "vrf",
          "vrfname": "vrf-n6-net"
        }
      ]
    }
`)}`;

ruleTester(rule, {
  valid: [
    { name: 'disjoint subnets, one default route', code: `${DEPLOYMENT}---\n${N3}---\n${N6_LIST.replace('10.0.6.5/24', '172.16.6.5/24')}` },
    { name: 'the later network is in a VRF of its own', code: `${DEPLOYMENT}---\n${N3}---\n${N6_LIST.replace('/24"}]}}\n', '/24"}]}},\n        {"type": "vrf", "vrfname": "n6"}\n')}` },
    {
      name: 'an attachment asks for the default route: Multus deletes the other default gateways',
      code: `${DEPLOYMENT.replace('"interface": "n6"}', '"interface": "n6", "default-route": ["192.0.2.1"]}')}---\n${N3}---\n${N6_SINGLE}`,
    },
    { name: 'one network attached twice (a bond)', code: `${DEPLOYMENT.replace('"n6-net", "interface": "n6"', '"n3-net", "interface": "n3b"')}---\n${N3}` },
  ],
  invalid: [
    {
      name: 'overlapping subnets: on the later attachment; a vrf appended to its plugin list in place',
      code: OVERLAP,
      errors: [
        {
          messageId: 'overlap',
          line: 11,
          column: 60,
          endLine: 11,
          endColumn: 68,
          severity: 'warning',
          fixes: { appendVrf: OVERLAP.replace('"10.0.6.5/24"}]}}\n', '"10.0.6.5/24"}]}},\n        {"type": "vrf", "vrfname": "vrf-n6-net"}\n') },
        },
      ],
    },
    {
      name: 'two default routes: a single config turned into a list, as a pretty-printed block (the title says so)',
      code: ROUTES,
      errors: [{ messageId: 'defaultRoutes', line: 11, column: 60, endLine: 11, endColumn: 68, fixes: { appendVrf: ROUTES_FIXED } }],
    },
    {
      name: 'the NADs in other files: the finding without a fix',
      code: DEPLOYMENT,
      workspace: { 'n3.yaml': N3, 'n6.yaml': N6_SINGLE },
      errors: [{ messageId: 'defaultRoutes', line: 11, column: 60, endLine: 11, endColumn: 68 }],
    },
  ],
});
