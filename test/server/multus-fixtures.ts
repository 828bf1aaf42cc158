// Manifests the server tests share: a macvlan NAD and a privileged pod that attaches networks.

/** A NetworkAttachmentDefinition `name` in namespace `cnf`. */
export const nad = (name: string) => `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: ${name}
  namespace: cnf
spec:
  config: '{"cniVersion": "1.0.0", "name": "${name}", "type": "macvlan"}'
`;

/** A privileged pod in namespace `cnf` whose networks annotation is `networks`. */
export const pod = (networks: string) => `apiVersion: v1
kind: Pod
metadata:
  name: upf
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: ${networks}
spec:
  containers:
  - name: upf
    image: registry.example/upf:1.0
    securityContext:
      privileged: true
`;
