// npm run bench: engine and server speed, as ratios against baselines measured in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { parseAllDocuments } from 'yaml';
import { lint } from '../server/src/linter/lint';
import { LintCache } from '../server/src/linter/lint-cache';
import { objectsOf } from '../server/src/manifest/objects';
import { parseFile, ParseCache } from '../server/src/manifest/parse';
import { defaultSettings } from '../server/src/protocol/settings';
import { RULES } from '../server/src/rules/index';
import { summarizeObjects } from '../server/src/workspace/summarize';
import { WorkspaceIndex } from '../server/src/workspace/workspace-index';
import { generateManifest, workspaceFiles } from './generate';

/** Median and 95th percentile of repeated timings, in ms. */
function measure(runs: number, fn: (i: number) => void): { median: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn(i);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))] };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Engine: lint (parse + rules) against yaml's parseAllDocuments alone, and an incremental re-lint. */
function engine(lines: number, runs: number): void {
  const text = generateManifest(lines);
  const settings = defaultSettings();
  const parseOnly = measure(runs, () => parseAllDocuments(text, { version: '1.1' }));
  const full = measure(runs, () => lint(parseFile(text), settings, RULES));
  const cache = new ParseCache();
  const lintCache = new LintCache();
  lint(parseFile(text, cache), settings, RULES, lintCache);
  const mid = text.indexOf('name: upf-', text.length >> 1);
  const incremental = measure(runs, (i) => {
    const edited = text.slice(0, mid) + `name: upf-x${i}` + text.slice(mid + 'name: upf-'.length);
    lint(parseFile(edited, cache), settings, RULES, lintCache);
  });
  const findings = lint(parseFile(text), settings, RULES).findings.length;
  console.log(`\n${text.split('\n').length} lines, ${findings} findings (median of ${runs})`);
  console.log(`  yaml parseAllDocuments alone (baseline) ${ms(parseOnly.median)}`);
  console.log(`  lint: parse + ${RULES.length} rules            ${ms(full.median)}  ratio ${(full.median / parseOnly.median).toFixed(2)}x  (aim <= 1.5x)`);
  console.log(`  re-lint after one edit (caches)        ${ms(incremental.median)}  ratio ${(incremental.median / full.median).toFixed(2)}x of a full lint`);
}

/** Server: time from didChange to publishDiagnostics of that version, over stdio. */
async function server(lines: number, edits: number): Promise<void> {
  const text = generateManifest(lines);
  const child = spawn(process.execPath, [join(__dirname, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<number, (t: number) => void>();
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('textDocument/publishDiagnostics', (p: { version?: number }) => {
    if (p.version !== undefined) waiting.get(p.version)?.(performance.now());
  });
  conn.listen();
  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    conn.sendNotification('initialized', {});
    const uri = 'file:///bench/upf.yaml';
    const published = (version: number) => new Promise<number>((resolve) => waiting.set(version, resolve));
    let next = published(1);
    let s = performance.now();
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const open = (await next) - s;
    const times: number[] = [];
    const line = text.slice(0, text.length >> 1).split('\n').length;
    for (let v = 2; v < edits + 2; v++) {
      next = published(v);
      s = performance.now();
      conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '#' }],
      });
      times.push((await next) - s);
    }
    times.sort((a, b) => a - b);
    const median = times[times.length >> 1];
    console.log(`\nserver, ${text.split('\n').length} lines: open to diagnostics ${ms(open)}; didChange to publishDiagnostics median ${ms(median)}, p95 ${ms(times[Math.floor(times.length * 0.95)])} (aim < 20 ms)  ratio ${(median / open).toFixed(2)}x of the first lint`);
  } finally {
    conn.dispose();
    child.kill();
  }
}

/** A server over stdio, and the time each published version of a document arrived. */
async function startServer(folder?: string) {
  const child = spawn(process.execPath, [join(__dirname, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<number, (t: number) => void>();
  const onPublish: Array<(p: { version?: number; diagnostics: Array<{ code?: string; message: string }> }) => void> = [];
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('textDocument/publishDiagnostics', (p: { version?: number; diagnostics: Array<{ code?: string; message: string }> }) => {
    if (p.version !== undefined) waiting.get(p.version)?.(performance.now());
    for (const f of onPublish) f(p);
  });
  conn.listen();
  const folders = folder ? [{ uri: pathToFileURL(folder).href, name: 'bench' }] : null;
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: folders, capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
  const started = performance.now();
  conn.sendNotification('initialized', {});
  return {
    conn,
    started,
    onPublish,
    published: (version: number) => new Promise<number>((resolve) => waiting.set(version, resolve)),
    stop: () => {
      conn.dispose();
      child.kill();
    },
  };
}

/**
 * Workspace index: indexing `count` manifests (one per file) in-process, then in the server (from
 * initialized until an open document sees the NAD of the last file), and the open document's
 * didChange-to-diagnostics latency while the server indexes, against the same edits without a folder.
 */
async function workspaceIndex(count: number, edits: number): Promise<void> {
  const files = workspaceFiles(count);
  files[files.length - 1] = { name: files[files.length - 1].name, text: 'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: bench-last-net\n  namespace: cnf\n' };
  const settings = defaultSettings();
  const inProcess = measure(3, () => {
    const index = new WorkspaceIndex();
    for (const f of files) index.setFile(f.name, summarizeObjects(f.name, objectsOf(parseFile(f.text)), settings.defaultNamespace));
  });
  const folder = mkdtempSync(join(tmpdir(), 'cnf-lint-bench-'));
  for (const f of files) writeFileSync(join(folder, f.name), f.text);
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\n  namespace: cnf\n  annotations:\n    k8s.v1.cni.cncf.io/networks: bench-last-net\nspec:\n  containers: []\n---\n${generateManifest(5_000)}`;
  const uri = 'file:///bench-open/upf.yaml';
  const line = text.slice(0, text.length >> 1).split('\n').length;
  /** Edits the open document `edits` times (or until `stop()`), returning each edit's latency. */
  async function editLoop(server: Awaited<ReturnType<typeof startServer>>, stop: () => boolean): Promise<number[]> {
    const times: number[] = [];
    for (let v = 2; v < edits + 2 && !stop(); v++) {
      const next = server.published(v);
      const s = performance.now();
      server.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '#' }],
      });
      times.push((await next) - s);
    }
    return times.sort((a, b) => a - b);
  }
  const stats = (t: number[]) => `median ${ms(t[t.length >> 1])}, p95 ${ms(t[Math.floor(t.length * 0.95)])} over ${t.length} edits`;
  try {
    const baseline = await startServer();
    let baseTimes: number[];
    try {
      const opened = baseline.published(1);
      baseline.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await opened;
      baseTimes = await editLoop(baseline, () => false);
    } finally {
      baseline.stop();
    }
    const server = await startServer(folder);
    try {
      let indexedAt: number | undefined;
      server.onPublish.push((p) => {
        if (indexedAt === undefined && p.version !== undefined && !p.diagnostics.some((d) => d.code === 'multus-network-unresolved' && d.message.includes("'bench-last-net'"))) indexedAt = performance.now();
      });
      const indexed = new Promise<void>((resolve) => server.onPublish.push(() => indexedAt !== undefined && resolve()));
      const opened = server.published(1);
      server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await opened;
      const during = await editLoop(server, () => indexedAt !== undefined);
      await indexed;
      console.log(`\nworkspace index, ${count} manifests (one per file)`);
      console.log(`  in-process parse + summarize + index      ${ms(inProcess.median)} (median of 3)`);
      console.log(`  server: initialized to the last file indexed ${ms(indexedAt! - server.started)} (yields to edits between files)`);
      console.log(`  open file (${text.split('\n').length} lines) didChange to publishDiagnostics:`);
      console.log(`    without a workspace folder (baseline)  ${stats(baseTimes)}`);
      console.log(`    while indexing runs                    ${stats(during)}  ratio ${(during[during.length >> 1] / baseTimes[baseTimes.length >> 1]).toFixed(2)}x`);
    } finally {
      server.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  engine(5_000, 15);
  engine(50_000, 5);
  await server(5_000, 30);
  await workspaceIndex(5_000, 40);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
