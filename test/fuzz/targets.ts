// What `npm run fuzz` runs each input through: the engine in a worker (killed on a stall), the built CLI, and the built server over stdio.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { checkFixAll, checkPreferredFixes, lintChecked, yamlDamage } from '../unit/property/fix-properties';

/** A property that did not hold: its kind (for the file name) and what happened. */
export interface Failure {
  kind: string;
  message: string;
}

/** Milliseconds one input may take in the engine before it counts as a stall. */
export const STALL_MS = 20_000;

/** The engine's properties on one text (run in the worker): lint, each preferred fix, fix-all twice. */
export function engineCheck(raw: string): Failure | undefined {
  const text = raw.replace(/^\ufeff/, '');
  try {
    const findings = lintChecked(text);
    const failed = findings.find((f) => f.ruleId === 'internal-error' && (f.messageId === 'ruleFailed' || f.messageId === 'documentFailed'));
    if (failed) return { kind: 'rule-failed', message: failed.message };
    checkPreferredFixes(text, findings);
    checkFixAll(text);
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    const kind = /^rule failed/.test(message) ? 'rule-failed' : /^fix-all/.test(message) ? 'fix-all' : /^fix |untouched line/.test(message) ? 'fix' : 'crash';
    return { kind, message };
  }
}

/** The engine in a worker thread: a check that does not answer within STALL_MS is a stall, and the worker is replaced. */
export class EngineWorker {
  private worker?: Worker;
  private next = 0;

  constructor(private readonly file: string) {}

  check(text: string): Promise<Failure | undefined> {
    const worker = (this.worker ??= new Worker(this.file, { workerData: { role: 'engine' } }));
    const id = this.next++;
    return new Promise((done) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        void worker.terminate();
        this.worker = undefined;
        done({ kind: 'stall', message: `the engine took more than ${STALL_MS} ms` });
      }, STALL_MS);
      const onMessage = (m: { id: number; failure?: Failure }) => {
        if (m.id !== id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        done(m.failure);
      };
      worker.on('message', onMessage);
      worker.postMessage({ id, text });
    });
  }

  stop(): void {
    void this.worker?.terminate();
  }
}

const CLI = resolve(__dirname, '../../dist/cli.js');
const SERVER = resolve(__dirname, '../../dist/server.js');

/** The built CLI on one file: lint (json), then --fix twice; exits 0 or 1, no internal error, a second --fix changes nothing, nothing broken. */
export function cliCheck(text: string): Failure | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'cnf-lint-fuzz-'));
  const file = join(dir, 'input.yaml');
  writeFileSync(file, text);
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args, file], { encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });
  const lint = run(['--format', 'json']);
  if (lint.error || lint.status === null) return { kind: 'cli-stall', message: String(lint.error ?? lint.signal) };
  if (lint.status > 1 || /internal error/.test(lint.stderr)) return { kind: 'cli-crash', message: `status ${lint.status}: ${lint.stderr.slice(0, 2000)}` };
  try {
    JSON.parse(lint.stdout);
  } catch {
    return { kind: 'cli-output', message: 'the json output does not parse' };
  }
  const first = run(['--fix']);
  if (first.status === null || first.status > 1 || /internal error/.test(first.stderr)) return { kind: 'cli-fix', message: `status ${first.status}: ${first.stderr.slice(0, 2000)}` };
  const once = readFileSync(file, 'utf8');
  const broken = added(yamlDamage(text.replace(/^\ufeff/, '')), yamlDamage(once.replace(/^\ufeff/, '')));
  if (broken.length > 0) return { kind: 'cli-fix', message: `--fix wrote a file with new YAML errors: ${broken.join('; ')}` };
  run(['--fix']);
  if (readFileSync(file, 'utf8') !== once) return { kind: 'cli-fix', message: 'a second --fix changed the file again' };
  return undefined;
}

function added(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((e) => (left.includes(e) ? (left.splice(left.indexOf(e), 1), false) : true));
}

/** The built server over stdio, one session for many documents: every request answered in time, the process alive. */
export class ServerSession {
  private connection?: MessageConnection;
  private process?: ChildProcess;
  private exited = false;
  private readonly waiters = new Map<string, () => void>();
  private readonly folder = mkdtempSync(join(tmpdir(), 'cnf-lint-fuzz-ws-'));
  private docs = 0;

  private async start(): Promise<MessageConnection> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.process = proc;
    this.exited = false;
    proc.on('exit', () => (this.exited = true));
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => this.waiters.get(p.uri)?.());
    connection.listen();
    const uri = pathToFileURL(this.folder).href;
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'fuzz' }], capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
    await connection.sendNotification('initialized', {});
    return (this.connection = connection);
  }

  /** Opens a document, changes it to `changed`, asks for hovers and code actions, closes it. */
  async check(text: string, changed: string): Promise<Failure | undefined> {
    const connection = this.connection ?? (await this.start());
    const uri = pathToFileURL(join(this.folder, `doc${this.docs++}.yaml`)).href;
    const within = <T>(what: string, p: Promise<T>) =>
      Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${what} in ${STALL_MS} ms`)), STALL_MS))]);
    const published = () => new Promise<void>((done) => this.waiters.set(uri, done));
    try {
      let wait = published();
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await within('didOpen', wait);
      wait = published();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: changed }] });
      await within('didChange', wait);
      const lines = changed.split('\n').length;
      for (const line of [0, Math.floor(lines / 2), lines - 1]) await within('hover', connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } }));
      const range = { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } };
      await within('codeAction', connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }));
      await within('fixAll', connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.cnf-lint'] } }));
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      this.waiters.delete(uri);
      return this.exited ? { kind: 'server-exit', message: 'the server exited' } : undefined;
    } catch (e) {
      this.stop();
      return { kind: this.exited ? 'server-exit' : 'server-stall', message: String(e) };
    }
  }

  /** Ends the session: the connection and the server process (a stalled server is killed). */
  stop(): void {
    this.connection?.dispose();
    this.connection = undefined;
    this.process?.kill('SIGKILL');
    this.process = undefined;
  }
}
