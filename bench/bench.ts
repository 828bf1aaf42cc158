// npm run bench: engine and server speed, as ratios against baselines measured in the same run.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { parseAllDocuments } from 'yaml';
import { lint } from '../server/src/linter/lint';
import { LintCache } from '../server/src/linter/lint-cache';
import { parseFile, ParseCache } from '../server/src/manifest/parse';
import { defaultSettings } from '../server/src/protocol/settings';
import { RULES } from '../server/src/rules/index';
import { generateManifest } from './generate';

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

async function main(): Promise<void> {
  engine(5_000, 15);
  engine(50_000, 5);
  await server(5_000, 30);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
