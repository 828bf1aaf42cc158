// Builds the bundles (client, server and its indexing worker, CLI), the benchmark, and with --tests the test files.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning' };

/** Fails the build when the server bundle pulls in 'vscode' (it must run outside the editor). */
const noVscode = {
  name: 'no-vscode',
  setup(b) {
    b.onResolve({ filter: /^vscode$/ }, (args) => ({ errors: [{ text: `the server must not import 'vscode' (imported by ${args.importer})` }] }));
  },
};

/** Every built `*.test.js` under a folder, recursively. */
function builtTests(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(builtTests(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

/** Every `*.test.ts` file under a folder, recursively. */
function testFiles(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'harness') continue;
    if (statSync(p).isDirectory()) out = out.concat(testFiles(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const bundles = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [noVscode] },
  // The workspace crawl's worker thread, loaded by the server from beside it.
  { ...common, entryPoints: ['server/src/handlers/index-worker.ts'], outfile: 'dist/index-worker.js', plugins: [noVscode] },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', plugins: [noVscode], banner: { js: '#!/usr/bin/env node' } },
];
const jobs = bundles.filter((b) => existsSync(b.entryPoints[0])).map((b) => build(b));
if (withTests) {
  const entryPoints = testFiles('test');
  // Files are overwritten in place (other builds may be running tests from out/); only test bundles
  // whose source is gone are removed, so a deleted test never runs again.
  const expected = new Set(entryPoints.map((p) => join('out', p.replace(/\.ts$/, '.js'))));
  if (existsSync('out/test')) for (const p of builtTests('out/test')) if (!expected.has(p)) rmSync(p, { force: true });
  jobs.push(build({ ...common, entryPoints, outdir: 'out', outbase: '.', packages: 'external', sourcemap: 'inline' }));
}
if (existsSync('bench/bench.ts')) jobs.push(build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js', packages: 'external' }));
await Promise.all(jobs);
