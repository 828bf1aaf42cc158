// Deterministic multi-document CNF manifests of a given size, for the benchmark.

const deployment = (i: number) => `# user plane function ${i}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: upf-${i}
  namespace: cnf-${i % 7}
  labels: {app: upf-${i}, tier: data-plane}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: upf-${i}
  template:
    metadata:
      labels:
        app: upf-${i}
      annotations:
        k8s.v1.cni.cncf.io/networks: sriov-n3, sriov-n6
    spec:
      hostNetwork: ${i % 5 === 0 ? 'true' : 'false'}
      containers:
      - name: upf
        image: registry.example.com/upf:1.${i}
        securityContext:
          privileged: ${i % 3 === 0 ? 'true' : 'false'} # DPDK
        resources:
          requests: {cpu: "4", memory: 4Gi, hugepages-1Gi: 2Gi, intel.com/sriov_netdevice: "2"}
          limits: {cpu: "4", memory: 4Gi, hugepages-1Gi: 2Gi, intel.com/sriov_netdevice: "2"}
        volumeMounts:
        - {name: hugepages, mountPath: /dev/hugepages}
      volumes:
      - name: hugepages
        emptyDir: {medium: HugePages}
`;

const service = (i: number) => `apiVersion: v1
kind: Service
metadata:
  name: upf-${i}
  namespace: cnf-${i % 7}
spec:
  selector: {app: upf-${i}}
  ports:
  - {name: pfcp, port: 8805, protocol: UDP}
`;

/** A NAD whose config is a plugin list in a literal block: macvlan with host-local IPAM, then a vrf (the CNI-config rules read every line). */
const vrfNad = (i: number) => `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: n6-vrf-${i}
  namespace: cnf-${i % 7}
spec:
  config: |
    {
      "cniVersion": "1.0.0",
      "name": "n6-vrf-${i}",
      "plugins": [
        {
          "type": "macvlan",
          "mode": "${i % 4 === 0 ? 'bridged' : 'bridge'}",
          "ipam": {"type": "host-local", "subnet": "10.${i % 250}.0.0/24", "routes": [{"dst": "0.0.0.0/0"}]}
        },
        {"type": "vrf", "vrfname": "n6-${i % 9}", "table": ${100 + (i % 9)}}
      ]
    }
`;

/** A multi-document manifest of about `lines` lines: Deployments, Services and NADs (a third of the documents). */
export function generateManifest(lines: number): string {
  const docs: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const d = i % 3 === 0 ? deployment(i) : i % 3 === 1 ? service(i) : vrfNad(i);
    docs.push(d);
    count += d.split('\n').length;
  }
  return docs.join('---\n');
}

/** One manifest per file, `count` files: Deployments on Multus networks, their NADs, Services. */
export function workspaceFiles(count: number): Array<{ name: string; text: string }> {
  const files: Array<{ name: string; text: string }> = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    const text =
      kind === 0
        ? deployment(i)
        : kind === 1
          ? `apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: sriov-n${i}\n  namespace: cnf-${i % 7}\n  annotations:\n    k8s.v1.cni.cncf.io/resourceName: intel.com/sriov_netdevice\nspec:\n  config: '{"cniVersion": "1.0.0", "name": "sriov-n${i}", "type": "sriov", "vlan": ${i % 4000}}'\n`
          : service(i);
    files.push({ name: `m-${String(i).padStart(5, '0')}.yaml`, text });
  }
  return files;
}

/** `count` small Pod documents in one file, each with several findings (privileged, host network, huge pages): about 190 bytes each. */
export function smallPods(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: p-${i}
spec:
  hostNetwork: true
  containers:
  - name: c
    securityContext: {privileged: true}
    resources: {limits: {hugepages-2Mi: 1Gi}}
`);
  }
  return docs.join('---\n');
}

/** A pod whose networks annotation is one JSON line naming `count` networks defined nowhere (one finding and fix each). */
export function podWithNetworks(count: number): string {
  const list = Array.from({ length: count }, (_, i) => `{"name": "net-${i}", "namespace": "cnf"}`).join(', ');
  return `apiVersion: v1
kind: Pod
metadata:
  name: many-networks
  namespace: cnf
  annotations:
    k8s.v1.cni.cncf.io/networks: '[${list}]'
spec:
  containers:
  - name: c
    image: c
`;
}

/** A map of `count` keys. */
export function wideMap(count: number): string {
  const lines: string[] = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: wide}', 'data:'];
  for (let i = 0; i < count; i++) lines.push(`  k${i}: v`);
  return lines.join('\n') + '\n';
}

/** A manifest with a comment of `count` template braces (`{{` after `#`: data, not a template). */
export function braceComment(count: number): string {
  return `# ${'{{'.repeat(count)}\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: braces}\n`;
}
