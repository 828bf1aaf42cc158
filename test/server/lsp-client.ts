// A test client for the bundled server: spawns `node dist/server.js --stdio` and speaks JSON-RPC to it.
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { ConfigurationParams, InitializeResult, PublishDiagnosticsParams, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';

/** The bundled server, built by `node esbuild.mjs`. */
export const SERVER = resolve(__dirname, '../../../dist/server.js');

interface Waiter {
  uri: string;
  accept(p: PublishDiagnosticsParams): boolean;
  resolve(p: PublishDiagnosticsParams): void;
}

/** Options of a test session. */
export interface StartOptions {
  /** Workspace folder URIs sent with initialize. */
  workspaceFolders?: string[];
  /** Settings by scope URI ('*' for any), answered from the start (the crawl reads them at once). */
  settings?: Record<string, unknown>;
  /** Scopes whose configuration answers wait for `release(scope)` (a crawl that cannot start yet). */
  hold?: string[];
  /** With workspace folders: return before the server has indexed them (default: after). */
  beforeIndexed?: boolean;
}

/** One event the server sent, in the order it arrived. */
export type ServerEvent = { kind: 'publish'; params: PublishDiagnosticsParams } | { kind: 'progress'; value: { kind: string; message?: string } };

/** One server process and the client side of its connection. */
export class TestClient {
  /** The `cnfLint` settings the client answers per scope URI; the default answer is `{}`. */
  settings = new Map<string, unknown>();
  /** Every `workspace/configuration` item the server asked for, in order. */
  readonly configurationRequests: Array<{ scopeUri?: string; section?: string }> = [];
  /** Every publishDiagnostics notification, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Methods of the server's `client/registerCapability` registrations. */
  readonly registrations: string[] = [];
  /** Messages the server logged. */
  readonly logs: string[] = [];
  /** Diagnostics and progress reports, in the order they arrived. */
  readonly events: ServerEvent[] = [];
  private indexedWaiters: Array<() => void> = [];
  /** Scopes whose configuration answers wait until released. */
  private readonly held = new Map<string, Promise<void>>();
  private readonly releases = new Map<string, () => void>();
  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    connection.onRequest('workspace/configuration', async (params: ConfigurationParams) => {
      for (const item of params.items) if (item.scopeUri) await this.held.get(item.scopeUri);
      return params.items.map((item) => {
        this.configurationRequests.push({ scopeUri: item.scopeUri, section: item.section });
        return (item.scopeUri && this.settings.get(item.scopeUri)) ?? this.settings.get('*') ?? {};
      });
    });
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string }> }) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
      return null;
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', (p: { value: { kind: string; message?: string } }) => {
      this.events.push({ kind: 'progress', value: p.value });
      if (p.value.kind === 'end') for (const resolve of this.indexedWaiters.splice(0)) resolve();
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.events.push({ kind: 'publish', params: p });
      for (let i = 0; i < this.waiters.length; i++) {
        const w = this.waiters[i];
        if (w.uri === p.uri && w.accept(p)) {
          this.waiters.splice(i--, 1);
          w.resolve(p);
        }
      }
    });
    connection.listen();
  }

  /** Spawns the server and initializes it like an editor with pull configuration and versioned edits. */
  static async start(options: StartOptions = {}): Promise<{ client: TestClient; init: InitializeResult }> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, connection);
    for (const [scope, value] of Object.entries(options.settings ?? {})) client.settings.set(scope, value);
    for (const scope of options.hold ?? []) client.hold(scope);
    const folders = options.workspaceFolders ?? [];
    const init: InitializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
        },
        textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
        window: { workDoneProgress: true },
      },
    });
    const indexed = folders.length > 0 && !options.beforeIndexed ? client.indexed() : undefined;
    await connection.sendNotification('initialized', {});
    await indexed;
    return { client, init };
  }

  /** The next diagnostics published for a URI that `accept` takes; register before causing them. */
  next(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve }));
  }

  /** Holds back the answers to configuration requests for a scope until `release(scope)`. */
  hold(scopeUri: string): void {
    let release!: () => void;
    this.held.set(scopeUri, new Promise<void>((resolve) => (release = resolve)));
    this.releases.set(scopeUri, release);
  }

  /** Answers the held configuration requests of a scope, and those to come. */
  release(scopeUri: string): void {
    this.releases.get(scopeUri)?.();
    this.releases.delete(scopeUri);
    this.held.delete(scopeUri);
  }

  /** Resolves at the next end of the server's indexing progress (the workspace index can answer). */
  indexed(): Promise<void> {
    return new Promise((resolve) => this.indexedWaiters.push(resolve));
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, text: string, languageId = 'yaml'): Promise<PublishDiagnosticsParams> {
    const next = this.next(uri);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return next;
  }

  /** Replaces a document's text (a full-content change) and waits for diagnostics of the new version. */
  async change(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    const next = this.next(uri, (p) => p.version === version);
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return next;
  }

  /** The current version the client has sent for a document. */
  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Records a version sent outside `change` (raw writes). */
  setVersion(uri: string, version: number, text: string): void {
    this.versions.set(uri, version);
    this.texts.set(uri, text);
  }

  /** Closes the connection and kills the server (SIGKILL: a server busy in a long lint must not outlive the test). */
  stop(): void {
    this.connection.dispose();
    this.process.stdin?.destroy();
    this.process.stdout?.destroy();
    this.process.kill('SIGKILL');
    this.process.unref();
  }
}

/** The offset of a position in a text (LSP: 0-based line, UTF-16 character). */
export function offsetAt(text: string, pos: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + pos.character;
}

/** Applies LSP text edits to a text, as an editor does (edits do not overlap). */
export function applyLspEdits(text: string, edits: readonly TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), text: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The edits of a versioned workspace edit for one document, checking its URI and version. */
export function editsOf(edit: WorkspaceEdit | undefined, uri: string, version: number): TextEdit[] {
  const changes = edit?.documentChanges ?? [];
  if (changes.length !== 1) throw new Error(`expected one document change, got ${JSON.stringify(edit)}`);
  const change = changes[0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] };
  if (change.textDocument.uri !== uri || change.textDocument.version !== version) throw new Error(`edit for ${JSON.stringify(change.textDocument)}, expected ${uri}@${version}`);
  return change.edits;
}

/** A range from 0-based line/character pairs. */
export function range(line: number, character: number, endLine: number, endCharacter: number): Range {
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}
