// The diagnostics service in-process: rules that throw are logged, stale versions are never published.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigReader } from '../../server/src/config/config-file';
import { DiagnosticsService } from '../../server/src/handlers/diagnostics';
import type { Rule } from '../../server/src/linter/types';
import { defaultSettings, Settings } from '../../server/src/protocol/settings';
import { rule as privileged } from '../../server/src/rules/privileged-container';

const POD = 'kind: Pod\nspec:\n  containers:\n    - name: upf\n      securityContext:\n        privileged: true\n';
const URI = 'file:///virtual/pod.yaml';

const broken: Rule = {
  meta: { ...privileged.meta, id: 'always-throws', title: 'Always throws' },
  check() {
    throw new Error('boom');
  },
};

/** A service over one in-memory document, with settings answered when the test says so. */
function setup(rules: Rule[]) {
  const docs = new Map<string, TextDocument>([[URI, TextDocument.create(URI, 'yaml', 1, POD)]]);
  const published: PublishDiagnosticsParams[] = [];
  const errors: string[] = [];
  let onPublish: (() => void) | undefined;
  const pendingSettings: Array<(s: Settings) => void> = [];
  const askWaiters: Array<{ n: number; resolve(): void }> = [];
  const service = new DiagnosticsService({
    documents: { get: (u) => docs.get(u), all: () => [...docs.values()] },
    settingsFor: () =>
      new Promise<Settings>((resolve) => {
        pendingSettings.push(resolve);
        for (const w of askWaiters.filter((w) => w.n <= pendingSettings.length)) w.resolve();
      }),
    reader: new ConfigReader(),
    rules,
    publish: (p) => {
      published.push(p);
      onPublish?.();
    },
    logError: (m) => void errors.push(m),
  });
  const published$ = () => new Promise<void>((resolve) => (onPublish = resolve));
  /** Resolves once the service has asked for settings `n` times in all. */
  const asked = (n: number) => (pendingSettings.length >= n ? Promise.resolve() : new Promise<void>((resolve) => askWaiters.push({ n, resolve })));
  return { docs, published, errors, service, published$, pendingSettings, asked };
}

describe('diagnostics service', () => {
  it('logs a rule that throws, publishes one internal-error finding for it and the other findings', async () => {
    const t = setup([broken, privileged]);
    const done = t.published$();
    t.service.request(URI);
    await t.asked(1);
    t.pendingSettings[0](defaultSettings());
    await done;
    assert.deepEqual(
      t.published.map((p) => [p.version, p.diagnostics.map((d) => d.code)]),
      [[1, ['internal-error', 'privileged-container']]],
    );
    assert.equal(t.errors.length, 1);
    assert.match(t.errors[0], /^cnf-lint: rule always-throws failed on file:\/\/\/virtual\/pod\.yaml: Error: boom/);
  });

  it('a document whose lint throws outside every rule still gets one internal-error finding, and the failure is logged', async () => {
    let armed = false;
    const unreadable = {
      get meta(): Rule['meta'] {
        if (armed) throw new Error('a registry that cannot be read');
        return { ...privileged.meta, id: 'unreadable' };
      },
      check() {},
    } as Rule;
    const t = setup([unreadable]);
    armed = true;
    const done = t.published$();
    t.service.request(URI);
    await t.asked(1);
    t.pendingSettings[0](defaultSettings());
    await done;
    assert.deepEqual(
      t.published.map((p) => [p.version, p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message])]),
      [[1, [['internal-error', 0, 0, 'cnf-lint failed on this document (Error: a registry that cannot be read): it is not checked, the other documents of the file are. This is a bug in cnf-lint: please report it with this document.']]]],
    );
    assert.equal(t.errors.length, 1);
  });

  it('does not publish a version that changed while its settings were asked for', async () => {
    const t = setup([privileged]);
    t.service.request(URI);
    await t.asked(1);
    const fixed = POD.replace('privileged: true', 'privileged: false');
    t.docs.set(URI, TextDocument.update(t.docs.get(URI)!, [{ text: fixed }], 2));
    t.service.request(URI);
    await t.asked(2);
    const done = t.published$();
    t.pendingSettings[0](defaultSettings());
    t.pendingSettings[1](defaultSettings());
    await done;
    assert.deepEqual(
      t.published.map((p) => [p.version, p.diagnostics.length]),
      [[2, 0]],
    );
  });
});
