// Exports the rule registry as the build has it (server/src/rules), for the suite to check its case table against.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './code-server.mjs';

/** Bundles server/src/rules and returns [{id, title, defaultSeverity, messages, fixes, docUrl}] sorted by id. */
export async function loadRegistry() {
  const { build } = createRequire(join(ROOT, 'package.json'))('esbuild');
  const out = await build({
    stdin: {
      contents: "export { RULES } from './server/src/rules/index';\nexport { ruleDocUrl } from './server/src/protocol/constants';\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(join(ROOT, 'package.json')));
  const { RULES, ruleDocUrl } = mod.exports;
  return RULES.map((r) => ({
    id: r.meta.id,
    title: r.meta.title,
    defaultSeverity: r.meta.defaultSeverity,
    messages: r.meta.messages,
    fixes: r.meta.fixes,
    docUrl: ruleDocUrl(r.meta.id),
  }));
}

/** Writes the registry to a JSON file and returns it. */
export async function writeRegistry(file) {
  const rules = await loadRegistry();
  writeFileSync(file, JSON.stringify(rules, null, 2));
  return rules;
}
