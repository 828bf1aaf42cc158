// kubevirt-running-deprecated: a VirtualMachine with the deprecated `spec.running` (RA2 gap 2).
import { removePair, replaceScalar } from '../fixes/edits';
import type { FixReport, Rule } from '../linter/types';
import { getPair, isFalse, isTrue, scalarText } from '../manifest/nodes';
import { vmSpecOf } from '../manifest/vm-specs';

export const rule: Rule = {
  meta: {
    id: 'kubevirt-running-deprecated',
    title: 'KubeVirt VirtualMachine uses the deprecated running field',
    gap: 2,
    requirements: [],
    defaultSeverity: 'warning',
    confidence: 'clear-cut',
    local: true,
    appliesTo: 'the spec of every KubeVirt VirtualMachine and the VM template of every VirtualMachinePool',
    rationale:
      "KubeVirt deprecated `spec.running` in favour of `spec.runStrategy`, which also says what happens after a crash or a guest shutdown (`Always`, `RerunOnFailure`, `Manual`, `Halted`, `Once`). The API server answers `running` with a warning, and rejects a VirtualMachine that sets both (\"Running and RunStrategy are mutually exclusive\"). `running: true` is `runStrategy: Always`; `running: false` is `runStrategy: Halted`.",
    messages: {
      deprecated:
        "VirtualMachine '{{name}}' uses the deprecated 'running' field (KubeVirt: \"spec.running is deprecated, please use spec.runStrategy instead\"). Write 'runStrategy' instead: running: true is runStrategy: Always, running: false is runStrategy: Halted.",
      both: "VirtualMachine '{{name}}' sets both 'running' and 'runStrategy': KubeVirt rejects it (\"Running and RunStrategy are mutually exclusive\"). Keep one of them.",
    },
    fixes: {
      toRunStrategy: "Replace 'running: {{running}}' with 'runStrategy: {{strategy}}'",
      keepRunStrategy: "Remove 'running' and keep 'runStrategy: {{strategy}}'",
      keepRunning: "Keep what 'running: {{running}}' means: 'runStrategy: {{strategy}}', and remove 'running'",
    },
    links: [
      { title: 'KubeVirt user guide: run strategies', url: 'https://kubevirt.io/user-guide/compute/run_strategies/' },
    ],
  },
  check(ctx) {
    for (const object of ctx.objects) {
      const vm = vmSpecOf(object);
      const vmSpec = vm?.vmSpec;
      const running = getPair(vmSpec, 'running');
      if (!vm || !vmSpec || !running) continue;
      const name = object.name ?? object.kind;
      const implied = isTrue(running.value) ? 'Always' : isFalse(running.value) ? 'Halted' : undefined;
      const runningText = scalarText(running.value) ?? '';
      const runStrategy = getPair(vmSpec, 'runStrategy');
      const fixes: FixReport[] = [];
      if (!runStrategy) {
        if (implied) {
          fixes.push({
            id: 'toRunStrategy',
            preferred: true,
            data: { running: runningText, strategy: implied },
            edits: (file) => [replaceScalar(file, running.key, 'runStrategy'), replaceScalar(file, running.value, implied)],
          });
        }
        ctx.report({ messageId: 'deprecated', at: running, data: { name }, fixes });
        continue;
      }
      fixes.push({
        id: 'keepRunStrategy',
        preferred: true,
        data: { strategy: scalarText(runStrategy.value) ?? '' },
        edits: (file) => [removePair(file, vmSpec, running)],
      });
      if (implied && scalarText(runStrategy.value) !== implied) {
        fixes.push({
          id: 'keepRunning',
          data: { running: runningText, strategy: implied },
          edits: (file) => [replaceScalar(file, runStrategy.value, implied), removePair(file, vmSpec, running)],
        });
      }
      ctx.report({ messageId: 'both', at: running, severity: 'error', data: { name }, fixes });
    }
  },
};
