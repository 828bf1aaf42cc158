// Seeded random edits replayed over stdio: after every burst, the published diagnostics equal a fresh lint of the text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver/node';
import { ConfigReader } from '../../server/src/config/config-file';
import { toDiagnostic } from '../../server/src/handlers/convert';
import { lintDocument } from '../../server/src/handlers/lint-document';
import { LintCache } from '../../server/src/linter/lint-cache';
import { objectsOf } from '../../server/src/manifest/objects';
import { parseFile, ParseCache } from '../../server/src/manifest/parse';
import { defaultSettings } from '../../server/src/protocol/settings';
import { RULES } from '../../server/src/rules';
import { summarizeObjects } from '../../server/src/workspace/summarize';
import { WorkspaceIndex } from '../../server/src/workspace/workspace-index';
import { applyLspEdits, editsOf, TestClient } from './lsp-client';

const EXAMPLES = join(__dirname, '../../../examples');
const BASE = ['5gc-networks.yaml', 'upf-deployment.yaml', 'amf-pod-userns.yaml'].map((f) => readFileSync(join(EXAMPLES, f), 'utf8')).join('---\n');

/** Lines the edits insert: document markers, NAD names a pod refers to, findings, noise. */
const LINES = [
  '---\n',
  '---\n',
  '...\n',
  '# a comment\n',
  '  name: n3-sriov\n',
  '  name: n6-sriov\n',
  '    k8s.v1.cni.cncf.io/networks: n3-sriov, n4-macvlan\n',
  '        privileged: true\n',
  '      hostNetwork: true\n',
  'kind: NetworkAttachmentDefinition\n',
  '  namespace: 5gc-user-plane\n',
  '\n',
  'x: [\n',
];
const WORDS = ['n3-sriov', 'n6-sriov', 'n4-macvlan', '5gc-user-plane', 'true', 'false', 'Pod', 'NetworkAttachmentDefinition', 'privileged'];

/** A small seeded PRNG (mulberry32). */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One edit: [start, end) of the text replaced by `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

function randomEdit(text: string, rnd: () => number): Edit {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const line = Math.floor(rnd() * lineStarts.length);
  const lineStart = lineStarts[line];
  const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  switch (Math.floor(rnd() * 5)) {
    case 0:
      return { start: lineStart, end: lineStart, text: pick(LINES) };
    case 1:
      return { start: lineStart, end: Math.min(text.length, lineEnd + (rnd() < 0.2 ? lineEnd - lineStart : 0)), text: '' };
    case 2: {
      const word = pick(WORDS);
      const at = text.indexOf(word, Math.floor(rnd() * text.length));
      if (at < 0) return { start: lineStart, end: lineStart, text: '# none\n' };
      return { start: at, end: at + word.length, text: rnd() < 0.5 ? pick(WORDS) : `${word}x` };
    }
    case 3: {
      const at = lineStart + Math.floor(rnd() * (lineEnd - lineStart));
      return { start: at, end: at, text: pick([' ', 'a', ':', '-', '\n']) };
    }
    default: {
      const at = lineStart + Math.floor(rnd() * (lineEnd - lineStart));
      return { start: at, end: Math.min(text.length, at + 1), text: '' };
    }
  }
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The diagnostics a fresh server would publish for this text (no workspace folder; `others` open too). */
function fresh(uri: string, version: number, text: string, others: Record<string, string> = {}): Diagnostic[] {
  const index = new WorkspaceIndex();
  for (const [u, t] of Object.entries(others)) index.setFile(u, summarizeObjects(u, objectsOf(parseFile(t)), 'default'));
  const outcome = lintDocument({ uri, version, text }, defaultSettings(), RULES, { parse: new ParseCache(), lint: new LintCache() }, new ConfigReader(), { index, uri });
  return outcome.findings.map((f) => toDiagnostic(f, outcome.lines, version));
}

describe('language server: replayed random edits', { timeout: 120_000 }, () => {
  let client: TestClient;
  before(async () => {
    client = (await TestClient.start()).client;
  });
  after(() => client?.stop());

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: after every burst of incremental edits, the diagnostics equal a fresh lint`, async () => {
      const rnd = prng(seed);
      const uri = `file:///virtual/replay-${seed}.yaml`;
      let text = BASE;
      let version = 1;
      assert.deepEqual((await client.open(uri, text)).diagnostics, fresh(uri, 1, text));
      for (let burst = 0; burst < 25; burst++) {
        const count = 1 + Math.floor(rnd() * 4);
        const texts = new Map<number, string>();
        for (let i = 0; i < count; i++) {
          const edit = randomEdit(text, rnd);
          const range = { start: positionAt(text, edit.start), end: positionAt(text, edit.end) };
          text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
          version++;
          texts.set(version, text);
          void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: edit.text }] });
        }
        const expected = fresh(uri, version, text);
        const last = version;
        const p = await client.next(uri, (x) => x.version === last);
        const brief = (list: Diagnostic[]) => list.map((x) => `${x.code} ${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${x.message}`);
        assert.deepEqual(brief(p.diagnostics), brief(expected), `seed ${seed}, burst ${burst}, version ${version}`);
        assert.deepEqual(p.diagnostics, expected);
      }
      assert.deepEqual(client.logs, []);
      // Closed, it leaves the index: the next seed's fresh lint sees no other file.
      const cleared = client.next(uri, (x) => x.diagnostics.length === 0);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await cleared;
    });
  }

  for (const seed of [11, 12, 13]) {
    it(`seed ${seed}: edits to a file of NADs re-lint the open file that refers to them, as a fresh lint would`, async () => {
      const rnd = prng(seed);
      const nads = `file:///virtual/nads-${seed}.yaml`;
      const pods = `file:///virtual/pods-${seed}.yaml`;
      const podText = [readFileSync(join(EXAMPLES, 'upf-deployment.yaml'), 'utf8'), readFileSync(join(EXAMPLES, '5gc-control-plane-multus.yaml'), 'utf8')].join('---\n');
      let text = readFileSync(join(EXAMPLES, '5gc-networks.yaml'), 'utf8');
      let version = 1;
      let podVersion = 1;
      await client.open(pods, podText);
      await client.open(nads, text);
      const lastOf = (u: string) => client.published.filter((x) => x.uri === u).at(-1)!;
      for (let burst = 0; burst < 20; burst++) {
        const count = 1 + Math.floor(rnd() * 3);
        for (let i = 0; i < count; i++) {
          const edit = randomEdit(text, rnd);
          const range = { start: positionAt(text, edit.start), end: positionAt(text, edit.end) };
          text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
          version++;
          void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: nads, version }, contentChanges: [{ range, text: edit.text }] });
        }
        const last = version;
        assert.deepEqual((await client.next(nads, (x) => x.version === last)).diagnostics, fresh(nads, version, text, { [pods]: podText }));
        const expected = fresh(pods, podVersion, podText, { [nads]: text });
        const same = (x: { diagnostics: Diagnostic[] }) => JSON.stringify(x.diagnostics) === JSON.stringify(expected);
        // The file of pods is linted again when an answer it got changed (waits for it; a missed re-lint times out).
        if (!same(lastOf(pods))) await client.next(pods, (x) => x.version === podVersion && same(x));
        // An edit that changes nothing: its unchanged documents' findings are reused only while their answers hold.
        podVersion++;
        const pv = podVersion;
        const republished = client.next(pods, (x) => x.version === pv);
        void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: pods, version: pv }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }] });
        assert.deepEqual((await republished).diagnostics, fresh(pods, pv, podText, { [nads]: text }), `seed ${seed}, burst ${burst}`);
      }
      for (const u of [nads, pods]) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
      assert.deepEqual(client.logs, []);
    });
  }

  it('a quick-fix and a hover asked between two queued edits answer for the version they were asked on', async () => {
    const uri = 'file:///virtual/replay-race.yaml';
    const text = BASE;
    const p = await client.open(uri, text);
    const privileged = p.diagnostics.filter((d) => d.code === 'privileged-container' || d.code === 'host-namespace-sharing');
    assert.ok(privileged.length > 0);
    const d = privileged[privileged.length - 1];
    // Version 2 inserts lines at the top: every offset of the cached documents moves.
    const insert = '# moved\n# moved again\n';
    const v2 = insert + text;
    const ask = client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as Promise<CodeAction[]>;
    const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start }) as Promise<Hover | null>;
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }] });
    const ask2 = client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as Promise<CodeAction[]>;
    const actions = await ask;
    const fix = actions.find((a) => a.kind === 'quickfix' && !a.title.startsWith('Disable'));
    assert.ok(fix, JSON.stringify(actions));
    const fixed = applyLspEdits(text, editsOf(fix.edit, uri, 1));
    assert.equal(fresh(uri, 1, fixed).filter((x) => x.code === d.code && x.range.start.line === d.range.start.line).length, 0, fixed);
    assert.deepEqual((await hover)?.range, d.range);
    // Asked on version 2 with a diagnostic of version 1: its range no longer matches a finding there.
    assert.deepEqual((await ask2).filter((a) => !a.title.startsWith('Disable')), []);
    const p2 = await client.next(uri, (x) => x.version === 2);
    assert.deepEqual(p2.diagnostics, fresh(uri, 2, v2));
  });
});
