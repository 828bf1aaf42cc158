// VM fixtures for the KubeVirt rule tests: one VMI spec body wrapped in every KubeVirt VM kind.

/** A VM kind, its header text up to its VMI spec's `spec:` key, and where that key sits. */
export interface VmKind {
  kind: string;
  header: string;
  /** 1-based line and column of the VMI spec's `spec` key. */
  specLine: number;
  specColumn: number;
  /** Indentation of the VMI spec's own keys. */
  indent: number;
}

/** Every KubeVirt VM kind, its VMI spec key at a known position. */
export const VM_KINDS: VmKind[] = [
  {
    kind: 'VirtualMachine',
    header: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: vrouter\nspec:\n  runStrategy: Always\n  template:\n    metadata:\n      labels: {app: vrouter}\n    spec:\n',
    specLine: 10,
    specColumn: 5,
    indent: 6,
  },
  { kind: 'VirtualMachineInstance', header: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata:\n  name: vrouter\nspec:\n', specLine: 5, specColumn: 1, indent: 2 },
  {
    kind: 'VirtualMachineInstanceReplicaSet',
    header:
      'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstanceReplicaSet\nmetadata:\n  name: vrouter\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: vrouter}}\n  template:\n    metadata:\n      labels: {app: vrouter}\n    spec:\n',
    specLine: 11,
    specColumn: 5,
    indent: 6,
  },
  {
    kind: 'VirtualMachinePool',
    header:
      'apiVersion: pool.kubevirt.io/v1alpha1\nkind: VirtualMachinePool\nmetadata:\n  name: vrouter\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: vrouter}}\n  virtualMachineTemplate:\n    metadata:\n      labels: {app: vrouter}\n    spec:\n      runStrategy: Always\n      template:\n        metadata:\n          labels: {app: vrouter}\n        spec:\n',
    specLine: 16,
    specColumn: 9,
    indent: 10,
  },
];

/** The VM text: the kind's header, then the VMI spec body (written at column 0) indented under `spec:`. */
export function vm(k: VmKind, body: string): string {
  const pad = ' '.repeat(k.indent);
  return k.header + body.replace(/^(?=.)/gm, pad);
}

/** A VirtualMachineInstance with the given VMI spec body (written at column 0); its `spec` key is on line 5. */
export function vmi(body: string): string {
  return vm(VM_KINDS[1], body);
}

/** The line of the VMI spec body's line `n` (1-based) in a VM of this kind. */
export function bodyLine(k: VmKind, n: number): number {
  return k.specLine + n;
}

/** Converts a text to CRLF line endings. */
export function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

/** A NetworkAttachmentDefinition document (starting with `---`) whose CNI plugin is `type`. */
export function nad(namespace: string, name: string, type: string): string {
  return `---\napiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  config: '{"cniVersion": "1.0.0", "name": "${name}", "type": "${type}"}'\n`;
}
