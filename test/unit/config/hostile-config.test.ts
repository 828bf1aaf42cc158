// Configuration files a hostile repository can plant: FIFOs, devices, huge files, thousands of unknown ids; and settings out of range.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ConfigReader, MAX_CONFIG_PROBLEMS } from '../../../server/src/config/config-file';
import { findConfigFile } from '../../../server/src/config/find-config';
import { MAX_CONFIG_BYTES, readConfigFile } from '../../../server/src/config/read-config-file';
import { WorkspaceConfigFiles } from '../../../server/src/handlers/config-files';
import { CONFIG_FILE_NAME } from '../../../server/src/protocol/constants';
import { defaultSettings, MAX_FILE_SIZE_CAP, mergeSettings } from '../../../server/src/protocol/settings';
import { spanOf } from '../rule-tester';

const dir = mkdtempSync(join(tmpdir(), 'cnf-lint-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A folder holding a `.cnf-lint.yaml` made by `make(path)`. */
function folderWith(name: string, make: (path: string) => void): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  make(join(folder, CONFIG_FILE_NAME));
  return folder;
}

describe('reading a configuration file: a regular file under a size cap only', () => {
  it('a FIFO is not opened for a blocking read, and says why', () => {
    const folder = folderWith('fifo', (p) => execFileSync('mkfifo', [p]));
    assert.equal(findConfigFile(folder), join(folder, CONFIG_FILE_NAME));
    assert.deepEqual(readConfigFile(join(folder, CONFIG_FILE_NAME)), { ok: false, missing: false, reason: 'it is not a regular file' });
  });
  it('a link to /dev/zero is not read', () => {
    const folder = folderWith('zero', (p) => symlinkSync('/dev/zero', p));
    assert.deepEqual(readConfigFile(join(folder, CONFIG_FILE_NAME)), { ok: false, missing: false, reason: 'it is not a regular file' });
  });
  it(`a file over ${MAX_CONFIG_BYTES} bytes is not read; one of exactly that size is`, () => {
    const big = folderWith('big', (p) => writeFileSync(p, `#${'x'.repeat(MAX_CONFIG_BYTES)}`));
    const read = readConfigFile(join(big, CONFIG_FILE_NAME));
    assert.ok(!read.ok && /over the 1048576 bytes/.test(read.reason));
    const edge = folderWith('edge', (p) => writeFileSync(p, `#${'x'.repeat(MAX_CONFIG_BYTES - 2)}\n`));
    assert.deepEqual(readConfigFile(join(edge, CONFIG_FILE_NAME)), { ok: true, text: `#${'x'.repeat(MAX_CONFIG_BYTES - 2)}\n` });
  });
  it('a missing file, or a link to nothing, is no configuration', () => {
    const folder = folderWith('dangling', (p) => symlinkSync(join(dir, 'nowhere'), p));
    assert.equal(findConfigFile(folder, folder), undefined);
    assert.equal(readConfigFile(join(dir, 'absent', CONFIG_FILE_NAME)).ok, false);
  });
  it('the server publishes one problem for a FIFO in a workspace folder, and takes no setting from it', () => {
    const folder = folderWith('server-fifo', (p) => execFileSync('mkfifo', [p]));
    const seen: string[] = [];
    const files = new WorkspaceConfigFiles(new ConfigReader(), (uri, config) => seen.push(`${uri} ${config?.result.problems.map((p) => p.message).join('|')}`));
    files.updateFolders([pathToFileURL(folder).href]);
    const config = files.forDocument(pathToFileURL(join(folder, 'pod.yaml')).href);
    assert.deepEqual(config?.result.settings, {});
    assert.deepEqual(seen, [`${pathToFileURL(join(folder, CONFIG_FILE_NAME)).href} cannot read the configuration file: it is not a regular file`]);
  });
});

describe('a configuration with thousands of problems', () => {
  it(`20,000 unknown rule ids: the first ${MAX_CONFIG_PROBLEMS} on their keys, then one that counts the rest`, () => {
    const text = `rules:\n${Array.from({ length: 20_000 }, (_, i) => `  bogus-${i}: off\n`).join('')}`;
    const r = new ConfigReader().read(text);
    assert.equal(r.problems.length, MAX_CONFIG_PROBLEMS + 1);
    assert.deepEqual(spanOf(text, r.problems[MAX_CONFIG_PROBLEMS - 1]), { line: MAX_CONFIG_PROBLEMS + 1, column: 3, endLine: MAX_CONFIG_PROBLEMS + 1, endColumn: 3 + `bogus-${MAX_CONFIG_PROBLEMS - 1}`.length });
    assert.equal(r.problems[MAX_CONFIG_PROBLEMS].message, `${20_000 - MAX_CONFIG_PROBLEMS} more problems in this file are not listed`);
    assert.deepEqual(r.settings, { rules: {} });
  });
});

describe('maxFileSize is capped', () => {
  for (const value of [1e308, Infinity, MAX_FILE_SIZE_CAP + 1]) {
    it(`${value} is taken as ${MAX_FILE_SIZE_CAP}`, () => assert.equal(mergeSettings(defaultSettings(), { maxFileSize: value }).maxFileSize, MAX_FILE_SIZE_CAP));
  }
  it('a value under the cap is kept; NaN and 0 are ignored', () => {
    assert.equal(mergeSettings(defaultSettings(), { maxFileSize: 1000 }).maxFileSize, 1000);
    assert.equal(mergeSettings(defaultSettings(), { maxFileSize: NaN }).maxFileSize, defaultSettings().maxFileSize);
    assert.equal(mergeSettings(defaultSettings(), { maxFileSize: 0 }).maxFileSize, defaultSettings().maxFileSize);
  });
  it('the config file schema refuses a larger value', () => {
    const r = new ConfigReader().read(`maxFileSize: ${MAX_FILE_SIZE_CAP + 1}\n`);
    assert.deepEqual(
      r.problems.map((p) => p.message),
      [`"maxFileSize" must be <= ${MAX_FILE_SIZE_CAP}`],
    );
  });
});
