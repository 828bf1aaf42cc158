// user-namespace-volume-incompatible: volumes a pod in a user namespace cannot use, or uses only with kernel and storage support (RA2 gap 8, sec.sys.021).
import { removePair } from '../fixes/edits';
import type { FixReport, Rule, Severity } from '../linter/types';
import { hostUsersFalse } from '../manifest/host-namespaces';
import { get, getPair, stringValue } from '../manifest/nodes';
import { podVolumes, volumeUses, VolumeView } from '../manifest/volumes';
import type { Node, Pair } from 'yaml';

/** Volume sources whose filesystem is only known at run time (storage class, CSI driver). */
const FILESYSTEM_SOURCES = ['persistentVolumeClaim', 'ephemeral', 'csi'] as const;

export const rule: Rule = {
  meta: {
    id: 'user-namespace-volume-incompatible',
    title: 'Volume a user-namespaced pod cannot use, or uses only with node support',
    gap: 8,
    requirements: ['sec.sys.021'],
    defaultSeverity: 'error',
    confidence: 'mixed',
    appliesTo: 'the volumes and the volumeDevices of every pod spec that sets hostUsers: false',
    rationale:
      "In a user namespace (`hostUsers: false`) the runtime gives each container its volumes through idmap mounts, which map the pod's UIDs to the node's. Raw block devices (`volumeDevices`) cannot be idmapped, so the kubelet fails the pod (error). NFS does not support idmap mounts, and support on hugetlbfs (emptyDir `HugePages*`) depends on the node's kernel, so such a pod may fail to start (warning). A PVC, generic ephemeral or CSI volume mounted as a filesystem works only if the filesystem its storage provides supports idmap mounts (information). Findings sit on the `name` of the volume, or of the `volumeDevices` entry.",
    messages: {
      blockDevice:
        "Container '{{container}}' uses volume '{{name}}' as a raw block device (volumeDevices): block devices cannot be idmapped, so the kubelet fails a pod with hostUsers: false. Mount the claim as a filesystem, or run this pod without a user namespace.",
      nfs: "Volume '{{name}}' is an NFS volume: NFS does not support idmap mounts, so with hostUsers: false its containers may fail to start. Use storage that supports idmap mounts, or run this pod without a user namespace.",
      hugePages:
        "Volume '{{name}}' is an emptyDir with medium {{medium}} (hugetlbfs): idmap mounts on hugetlbfs depend on the node's kernel, so with hostUsers: false its containers may fail to start on older nodes. Check the kernel of the high-performance nodes.",
      filesystem:
        "Volume '{{name}}' ({{source}}) is mounted as a filesystem in a user namespace (hostUsers: false): it works only if the filesystem its storage provides supports idmap mounts (ext4, xfs, btrfs and tmpfs do; many network and FUSE filesystems do not). Check the storage class or CSI driver.",
    },
    fixes: {
      removeHostUsers: "Remove hostUsers: false (the pod shares the node's user namespace)",
    },
  },
  check(ctx) {
    // A pod spec aliased by several objects is checked once; volumes shared between different pod
    // specs are reported per pod spec, since each has its own hostUsers to fix.
    const seenSpecs = new Set<object>();
    for (const pod of ctx.pods) {
      const hostUsers = hostUsersFalse(pod);
      if (!hostUsers || seenSpecs.has(pod.spec)) continue;
      seenSpecs.add(pod.spec);
      const seen = new Set<object>();
      // Not preferred: it gives up the pod's isolation, a choice fix-all must not make; for W and I the pod may well work.
      const fixes: FixReport[] = [{ id: 'removeHostUsers', edits: (file) => [removePair(file, pod.spec, hostUsers)] }];
      const report = (at: Node | Pair, messageId: string, severity: Severity, data: Record<string, string>) => {
        if (seen.has(at)) return;
        seen.add(at);
        ctx.report({ messageId, at, severity, data, fixes });
      };
      for (const use of volumeUses(pod, 'volumeDevices')) {
        const container = use.container.name ?? `#${use.container.index}`;
        report(use.namePair ?? use.map, 'blockDevice', 'error', { container, name: use.name ?? `#${use.index}` });
      }
      const mounted = new Set(volumeUses(pod, 'volumeMounts').map((m) => m.name));
      for (const volume of podVolumes(pod)) {
        const kind = classify(volume, mounted);
        if (!kind) continue;
        const data = { name: volume.name ?? `#${volume.index}`, medium: kind.detail, source: kind.detail };
        report(volume.namePair ?? volume.map, kind.messageId, kind.messageId === 'filesystem' ? 'info' : 'warning', data);
      }
    }
  },
};

/**
 * What a volume is to a user-namespaced pod, with the medium or source key; a claim not mounted as a
 * filesystem (used only as a block device, or not at all) is nothing here.
 */
function classify(volume: VolumeView, mounted: Set<string | undefined>): { messageId: 'nfs' | 'hugePages' | 'filesystem'; detail: string } | undefined {
  if (getPair(volume.map, 'nfs')) return { messageId: 'nfs', detail: 'nfs' };
  const medium = stringValue(get(get(volume.map, 'emptyDir'), 'medium'));
  if (medium !== undefined && /^HugePages(-.+)?$/.test(medium)) return { messageId: 'hugePages', detail: medium };
  const source = FILESYSTEM_SOURCES.find((key) => getPair(volume.map, key));
  if (source && volume.name !== undefined && mounted.has(volume.name)) return { messageId: 'filesystem', detail: source };
  return undefined;
}
