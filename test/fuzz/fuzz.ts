// `npm run fuzz -- --minutes 10 [--out DIR] [--seed N]`: mutated real manifests through the engine, the CLI and the server; failing inputs minimized to a folder.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { minimize } from './minimize';
import { generatedSeeds, mutate, prng, seedFiles } from './mutate';
import { cliCheck, EngineWorker, engineCheck, Failure, ServerSession } from './targets';

/** Every how many inputs one goes through the CLI, and one through the server (both are slower than the engine). */
const CLI_EVERY = 25;
const SERVER_EVERY = 10;

interface Options {
  minutes: number;
  out: string;
  seed: number;
}

function options(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { minutes: Number(value('--minutes') ?? 10), out: resolve(value('--out') ?? 'out/fuzz-failures'), seed: Number(value('--seed') ?? Date.now() % 1_000_000) };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const root = resolve(__dirname, '../..');
  const seeds = [...seedFiles([join(root, 'examples'), join(root, 'test/fixtures/real')]), ...generatedSeeds(200, opts.seed)];
  const rnd = prng(opts.seed);
  const engine = new EngineWorker(__filename);
  const server = new ServerSession();
  const counts = { engine: 0, cli: 0, server: 0 };
  const found = new Map<string, number>();
  const deadline = Date.now() + opts.minutes * 60_000;
  mkdirSync(opts.out, { recursive: true });
  console.log(`fuzz: seed ${opts.seed}, ${seeds.length} seeds, ${opts.minutes} min, failures to ${opts.out}`);

  const record = async (text: string, failure: Failure, recheck: (t: string) => Promise<Failure | undefined>) => {
    const small = failure.kind.endsWith('stall') ? text : await minimize(text, async (t) => (await recheck(t))?.kind === failure.kind);
    const name = `${failure.kind}-${createHash('sha256').update(small).digest('hex').slice(0, 12)}`;
    if (found.has(name)) return;
    found.set(name, 1);
    writeFileSync(join(opts.out, `${name}.yaml`), small);
    writeFileSync(join(opts.out, `${name}.txt`), `${failure.message}\n`);
    console.log(`fuzz: ${failure.kind}: ${failure.message.split('\n')[0].slice(0, 200)} -> ${name}.yaml`);
  };

  for (let n = 0; Date.now() < deadline; n++) {
    const pick = () => seeds[Math.floor(rnd() * seeds.length)];
    let text = pick();
    for (let k = 1 + Math.floor(rnd() * 4); k > 0; k--) text = mutate(text, rnd, pick());
    counts.engine++;
    const failure = await engine.check(text);
    if (failure) await record(text, failure, (t) => engine.check(t));
    if (n % CLI_EVERY === 0) {
      counts.cli++;
      const f = cliCheck(text);
      if (f) await record(text, f, async (t) => cliCheck(t));
    }
    if (n % SERVER_EVERY === 0) {
      counts.server++;
      const changed = mutate(text, rnd, pick());
      const f = await server.check(text, changed);
      if (f) await record(changed, f, async (t) => server.check(text, t));
    }
    if (n % 500 === 0 && n > 0) console.log(`fuzz: ${counts.engine} inputs (${counts.cli} through the CLI, ${counts.server} through the server), ${found.size} failures`);
  }
  engine.stop();
  server.stop();
  console.log(`fuzz: done: ${counts.engine} inputs through the engine (lint, every preferred fix, fix-all twice), ${counts.cli} through the CLI (lint, --fix twice), ${counts.server} through the server (open, change, hovers, code actions, fix-all); ${found.size} distinct failures`);
  process.exitCode = found.size > 0 ? 1 : 0;
}

if (isMainThread) {
  void main();
} else if ((workerData as { role?: string } | undefined)?.role === 'engine') {
  parentPort!.on('message', (m: { id: number; text: string }) => parentPort!.postMessage({ id: m.id, failure: engineCheck(m.text) }));
}
