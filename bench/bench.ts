// npm run bench: cnf-lint against yaml-language-server and yaml's parser, in one run; exits 1 when an aim is missed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { median, ms, p95, Table } from './aims';
import { generateManifest, smallPods, workspaceFiles } from './generate';
import { chartPart } from './chart';
import { growthPart, GROWTH_LIMIT } from './growth';
import { ServerName, Session } from './lsp-session';

/** yaml's parser with the options cnf-lint parses with: the floor of any server built on `yaml`. */
const parseFloor = (text: string) => parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false });

/** What one server did with one file: open to first diagnostics, edit latencies, peak memory. */
interface Run {
  open: number;
  edits: number[];
  rss: number;
}

/**
 * Opens `text` as `file` in a fresh server (in `folder` when given) and edits it `edits` times; with
 * `untilIndexed`, edits go on until the server has indexed the folder (at least `edits` of them).
 */
async function run(name: ServerName, file: string, text: string, edits: number, folder?: string, untilIndexed = false): Promise<Run> {
  const session = await Session.start(name, folder);
  try {
    let indexed = !untilIndexed;
    if (untilIndexed) void session.indexed().then(() => (indexed = true));
    const uri = pathToFileURL(file).href;
    const open = await session.open(uri, text);
    const line = text.slice(0, text.length >> 1).split('\n').length;
    const times: number[] = [];
    for (let v = 2; times.length < edits || (!indexed && times.length < 2_000); v++) times.push(await session.edit(uri, v, line));
    return { open, edits: times, rss: session.peakRss() };
  } finally {
    session.stop();
  }
}

const mib = (n: number) => `${Math.round(n)} MiB`;

/** The 5,000- and 50,000-line files alone, in both servers; the 50,000-line open against the parse floor. */
async function filesAlone(table: Table, dir: string): Promise<Run> {
  const small = generateManifest(5_000);
  const file = join(dir, 'upf-5k.yaml');
  writeFileSync(file, small);
  const ours = await run('cnf-lint', file, small, 30);
  const peer = await run('yaml-language-server', file, small, 15);
  console.log(`\n${small.split('\n').length}-line file alone`);
  table.add({ case: '5k lines alone: open -> diagnostics', figure: ms(ours.open), against: `yaml-language-server ${ms(peer.open)}`, ratio: ours.open / peer.open, limit: 0.25 });
  table.add({ case: '5k lines alone: edit median', figure: ms(median(ours.edits)), against: ms(median(peer.edits)), ratio: median(ours.edits) / median(peer.edits), limit: 0.1 });
  table.add({ case: '5k lines alone: peak RSS', figure: mib(ours.rss), against: mib(peer.rss), ratio: ours.rss / peer.rss, limit: 0.5 });

  const large = generateManifest(50_000);
  const largeFile = join(dir, 'upf-50k.yaml');
  writeFileSync(largeFile, large);
  const floor = coldParse(largeFile);
  const oursL = await run('cnf-lint', largeFile, large, 10);
  const peerL = await run('yaml-language-server', largeFile, large, 5);
  console.log(`\n${large.split('\n').length}-line file alone`);
  table.add({ case: '50k lines alone: open -> diagnostics', figure: ms(oursL.open), against: `parseAllDocuments, first call in a fresh process ${ms(floor)}`, ratio: oursL.open / floor, limit: 1.3 });
  table.add({ case: '50k lines alone: open, against the peer', figure: ms(oursL.open), against: `yaml-language-server ${ms(peerL.open)}`, ratio: oursL.open / peerL.open });
  table.add({ case: '50k lines alone: edit median', figure: ms(median(oursL.edits)), against: ms(median(peerL.edits)), ratio: median(oursL.edits) / median(peerL.edits), limit: 0.1 });
  table.add({ case: '50k lines alone: peak RSS', figure: mib(oursL.rss), against: mib(peerL.rss), ratio: oursL.rss / peerL.rss, limit: 0.35 });
  return ours;
}

/** The 5,000-line file inside a folder of 5,000 manifests and ten 1.4 MB files, while cnf-lint crawls it. */
async function inWorkspace(table: Table, dir: string, alone: Run): Promise<void> {
  const folder = join(dir, 'workspace');
  execFileSync('mkdir', ['-p', folder]);
  for (const f of workspaceFiles(5_000)) writeFileSync(join(folder, f.name), f.text);
  const big = generateManifest(50_000);
  for (let i = 0; i < 10; i++) writeFileSync(join(folder, `big-${i}.yaml`), big.replace(/namespace: cnf-/g, `namespace: big${i}-`));
  const text = generateManifest(5_000);
  const file = join(folder, 'upf-5k.yaml');
  writeFileSync(file, text);
  const ours = await run('cnf-lint', file, text, 20, folder, true);
  const peer = await run('yaml-language-server', file, text, 15, folder);
  console.log(`\nthe 5k-line file in a folder of 5,000 manifests and ten ${(Buffer.byteLength(big) / 2 ** 20).toFixed(1)} MiB files (cnf-lint edits while it indexes: ${ours.edits.length})`);
  table.add({ case: 'in the workspace: open -> first diagnostics', figure: ms(ours.open), against: `alone ${ms(alone.open)}`, ratio: ours.open / alone.open, limit: 1.2 });
  table.add({ case: 'in the workspace: open, against the peer', figure: ms(ours.open), against: `yaml-language-server ${ms(peer.open)}`, ratio: ours.open / peer.open, limit: 0.25 });
  table.add({ case: 'in the workspace: edit p95 while indexing', figure: ms(p95(ours.edits)), against: `idle ${ms(p95(alone.edits))}`, ratio: p95(ours.edits) / p95(alone.edits), limit: 1.5 });
  table.add({ case: 'in the workspace: edit p95, against the peer', figure: ms(p95(ours.edits)), against: `yaml-language-server ${ms(p95(peer.edits))}`, ratio: p95(ours.edits) / p95(peer.edits), limit: 0.1 });
  table.add({ case: 'in the workspace: peak RSS', figure: mib(ours.rss), against: mib(peer.rss), ratio: ours.rss / peer.rss, limit: 0.5 });
}

/** yaml's parse of a file as a server's first open meets it: the first call in a fresh process (best of 3 processes), in ms. */
function coldParse(file: string): number {
  return Math.min(...[0, 1, 2].map(() => Number(execFileSync(process.execPath, [__filename, '--parse', file], { encoding: 'utf8' }))));
}

/** Wall time of a child process, in ms. */
function wall(args: string[]): number {
  const s = performance.now();
  try {
    execFileSync(process.execPath, args, { stdio: 'ignore', maxBuffer: 1 << 30 });
  } catch {
    // The CLI exits 1 when it finds errors.
  }
  return performance.now() - s;
}

/** The CLI on one file of N small Pod documents: 1k, 4k, 27k; the growth per 4x; 27k against the parse floor. */
function cliDocuments(table: Table, dir: string): void {
  const times: Record<number, number> = {};
  let floor = 0;
  console.log('\nCLI (--format json, every fix computed), one file of small Pod documents; each a fresh process');
  for (const n of [1_000, 4_000, 27_000]) {
    const file = join(dir, `pods-${n}.yaml`);
    writeFileSync(file, smallPods(n));
    times[n] = wall([join(__dirname, 'cli.js'), '--format', 'json', file]);
    if (n === 27_000) floor = wall([__filename, '--parse', file]);
    table.add({ case: `CLI: ${n.toLocaleString('en')} documents (${(Buffer.byteLength(smallPods(n)) / 2 ** 20).toFixed(1)} MiB)`, figure: ms(times[n]) });
  }
  table.add({ case: 'CLI: 27,000 documents, against parseAllDocuments (fresh process too)', figure: ms(times[27_000]), against: ms(floor), ratio: times[27_000] / floor, limit: 3 });
  table.add({ case: 'growth per 4x: CLI 1,000 -> 4,000 documents', figure: `${ms(times[1_000])} -> ${ms(times[4_000])}`, ratio: times[4_000] / times[1_000], limit: GROWTH_LIMIT });
  const per4x = Math.pow(times[27_000] / times[4_000], Math.log(4) / Math.log(27_000 / 4_000));
  table.add({ case: 'growth per 4x: CLI 4,000 -> 27,000 documents (per 4x)', figure: `${ms(times[4_000])} -> ${ms(times[27_000])}`, ratio: per4x, limit: GROWTH_LIMIT });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--parse') {
    const text = readFileSync(args[1], 'utf8');
    const s = performance.now();
    parseFloor(text);
    process.stdout.write(String(performance.now() - s));
    return;
  }
  const table = new Table();
  if (args[0] === '--growth') {
    await growthPart(table);
  } else if (args[0] === '--chart') {
    const dir = mkdtempSync(join(tmpdir(), 'cnf-lint-bench-'));
    try {
      chartPart(table, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'cnf-lint-bench-'));
    try {
      const alone = await filesAlone(table, dir);
      await inWorkspace(table, dir, alone);
      cliDocuments(table, dir);
      chartPart(table, dir);
      await growthPart(table);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`\n${table.markdown()}`);
  const missed = table.missed();
  if (missed.length > 0) {
    console.log(`\n${missed.length} aim(s) missed: ${missed.map((r) => r.case).join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
