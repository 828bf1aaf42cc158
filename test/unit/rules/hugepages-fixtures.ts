// Fixtures for the huge page rule tests: containers with resources, written as pod spec bodies at column 0.

/** A pod spec body with one container `dpdk` whose `resources:` holds the given lines (written at column 2). */
export function dpdk(resources: string, rest = ''): string {
  return `containers:\n- name: dpdk\n  image: dpdk:1.0\n  resources:\n${indent(resources, 4)}${rest}`;
}

/** Indents every non-empty line of a text by `n` spaces. */
export function indent(text: string, n: number): string {
  return text.replace(/^(?=.)/gm, ' '.repeat(n));
}

/** Requests and limits equal: 2 CPUs, 2Gi of memory and two 1Gi huge pages (a Guaranteed container). */
export const GUARANTEED = 'requests:\n  cpu: "2"\n  memory: 2Gi\n  hugepages-1Gi: 2Gi\nlimits:\n  cpu: "2"\n  memory: 2Gi\n  hugepages-1Gi: 2Gi\n';

/** A HugePages volume and its mount, to put after a container's resources (`rest` of dpdk) and at the pod level. */
export const MOUNT = '  volumeMounts:\n  - name: hugepages\n    mountPath: /dev/hugepages\n';
export const VOLUME = (medium = 'HugePages') => `volumes:\n- name: hugepages\n  emptyDir:\n    medium: ${medium}\n`;
