// The operating system a pod spec targets.
import { get, getIn, stringValue } from './nodes';
import { PodSpecView } from './pod-specs';

/** True when the pod runs on Windows: `spec.os.name: windows` or the nodeSelector `kubernetes.io/os: windows`. */
export function isWindowsPod(pod: PodSpecView): boolean {
  return stringValue(getIn(pod.spec, ['os', 'name'])) === 'windows' || stringValue(get(get(pod.spec, 'nodeSelector'), 'kubernetes.io/os')) === 'windows';
}
