// A language server under measurement over stdio: cnf-lint's bundle or yaml-language-server, timed from the client side.
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

/** The servers compared. */
export type ServerName = 'cnf-lint' | 'yaml-language-server';

/** yaml-language-server's settings: validation on, no schema (no store, no Kubernetes schema). */
const YLS_SETTINGS = { validate: true, hover: false, completion: false, format: { enable: false }, schemaStore: { enable: false }, schemas: {}, kubernetesCRDStore: { enable: false } };

const command = (name: ServerName): string[] =>
  name === 'cnf-lint' ? [join(__dirname, 'server.js'), '--stdio'] : [join(__dirname, '..', 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'];

/** One running server and the client side of its connection. */
export class Session {
  private waiters: Array<{ uri: string; version: number; resolve: (at: number) => void }> = [];
  private indexedWaiters: Array<(at: number) => void> = [];

  private constructor(
    readonly name: ServerName,
    private readonly child: ChildProcess,
    private readonly conn: MessageConnection,
  ) {
    conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map((i) => (i.section === 'yaml' ? YLS_SETTINGS : i.section === 'files' ? {} : name === 'cnf-lint' ? {} : null)));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onNotification('$/progress', (p: { value: { kind: string } }) => {
      if (p.value.kind === 'end') for (const resolve of this.indexedWaiters.splice(0)) resolve(performance.now());
    });
    // yaml-language-server publishes without a version: its next publication is the answer.
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
      const at = performance.now();
      const i = this.waiters.findIndex((w) => w.uri === p.uri && (p.version === undefined || p.version === w.version));
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(at);
    });
    conn.listen();
  }

  /** Starts a server, with a workspace folder or none, and initializes it as an editor would. */
  static async start(name: ServerName, folder?: string): Promise<Session> {
    const child = spawn(process.execPath, command(name), { stdio: ['pipe', 'pipe', 'ignore'] });
    const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new Session(name, child, conn);
    const folders = folder ? [{ uri: pathToFileURL(folder).href, name: 'bench' }] : null;
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders?.[0].uri ?? null,
      workspaceFolders: folders,
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await conn.sendNotification('initialized', {});
    if (name === 'yaml-language-server') await conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: YLS_SETTINGS } });
    return session;
  }

  /** Resolves at the end of the server's indexing progress (cnf-lint with a folder). */
  indexed(): Promise<number> {
    return new Promise((resolve) => this.indexedWaiters.push(resolve));
  }

  /** Opens a document; resolves with the milliseconds until its first diagnostics. */
  async open(uri: string, text: string): Promise<number> {
    const published = this.published(uri, 1);
    const s = performance.now();
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return (await published) - s;
  }

  /** Inserts `#` at the start of a line as version `version`; resolves with the milliseconds until the next diagnostics. */
  async edit(uri: string, version: number, line: number): Promise<number> {
    const published = this.published(uri, version);
    const s = performance.now();
    await this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '#' }],
    });
    return (await published) - s;
  }

  /** The peak resident set size of the server process so far, in MiB (Linux; NaN elsewhere). */
  peakRss(): number {
    try {
      const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) / 1024 : NaN;
    } catch {
      return NaN;
    }
  }

  stop(): void {
    this.conn.dispose();
    this.child.kill('SIGKILL');
  }

  private published(uri: string, version: number): Promise<number> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }
}
