// RuleTester cases of multus-ignored-on-host-network: a networks annotation on a host-network pod.
import { rule } from '../../../server/src/rules/multus-ignored-on-host-network';
import { ruleTester } from '../rule-tester';

const UPF = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: upf
  namespace: cnf
spec:
  template:
    metadata:
      labels:
        app: upf
      annotations:
        k8s.v1.cni.cncf.io/networks: n3-net, n6-net
    spec:
      hostNetwork: true
      dnsPolicy: ClusterFirstWithHostNet
      containers:
      - name: upf
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: upf
  annotations:
    k8s.v1.cni.cncf.io/networks: n3-net
    prometheus.io/scrape: "true"
spec:
  hostNetwork: yes
  containers:
  - name: upf
`;

ruleTester(rule, {
  valid: [
    { name: 'host network without networks', code: UPF.replace('      annotations:\n        k8s.v1.cni.cncf.io/networks: n3-net, n6-net\n', '') },
    { name: 'networks without host network', code: UPF.replace('      hostNetwork: true\n', '') },
    { name: 'hostNetwork: false', code: UPF.replace('hostNetwork: true', 'hostNetwork: false') },
    { name: 'an empty networks value asks for nothing', code: UPF.replace('n3-net, n6-net', '""') },
  ],
  invalid: [
    {
      name: 'a Deployment: remove hostNetwork (and its DNS policy) or remove the annotation (and the emptied annotations)',
      code: UPF,
      errors: [
        {
          messageId: 'ignored',
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 36,
          severity: 'error',
          preferred: 'removeHostNetwork',
          fixes: {
            removeHostNetwork: UPF.replace('      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n', '      dnsPolicy: ClusterFirst\n'),
            removeAnnotation: UPF.replace('      annotations:\n        k8s.v1.cni.cncf.io/networks: n3-net, n6-net\n', ''),
          },
        },
      ],
    },
    {
      name: 'a Pod with a YAML 1.1 boolean: the other annotations stay',
      code: POD,
      errors: [
        {
          messageId: 'ignored',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 32,
          preferred: 'removeHostNetwork',
          fixes: {
            removeHostNetwork: POD.replace('  hostNetwork: yes\n', ''),
            removeAnnotation: POD.replace('    k8s.v1.cni.cncf.io/networks: n3-net\n', ''),
          },
        },
      ],
    },
  ],
});
