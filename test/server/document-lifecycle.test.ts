// The bundled server as documents come and go: deleted on disk while open, closed, reopened, renamed, untitled, other languages.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TestClient } from './lsp-client';
import { nad, pod } from './multus-fixtures';
import { only } from './settings-helpers';


/** The networks the unresolved diagnostics of a publication name, in order. */
const unresolved = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'multus-network-unresolved').map((d) => /'([^']+)'/.exec(String(d.message))?.[1]);
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

describe('language server: document lifecycle', { timeout: 30_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'cnf-lint-lifecycle-'));
  const url = (...parts: string[]) => pathToFileURL(join(root, ...parts)).href;
  let client: TestClient;

  before(async () => {
    client = (await TestClient.start({ workspaceFolders: [url()] })).client;
    client.settings.set('*', only('multus-network-unresolved', 'privileged-container'));
  });
  after(() => {
    client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  /** Sends a change that leaves the text as it is and waits for the new version's diagnostics. */
  const touch = async (uri: string) => {
    const version = client.version(uri) + 1;
    const next = client.next(uri, (p) => p.version === version);
    client.setVersion(uri, version, client.texts.get(uri)!);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }] });
    return next;
  };

  it('a file deleted on disk while open keeps its editor text in the index', async () => {
    writeFileSync(join(root, 'deleted-nads.yaml'), nad('del-net'));
    const nads = url('deleted-nads.yaml');
    const pods = url('deleted-pod.yaml');
    await client.open(nads, nad('del-net'));
    assert.deepEqual(unresolved(await client.open(pods, pod('del-net'))), []);
    unlinkSync(join(root, 'deleted-nads.yaml'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: nads, type: 3 }] });
    assert.deepEqual(unresolved(await touch(pods)), [], 'the editor still has the NAD');
    // Closed, the document is gone from disk and from the index.
    const closed = client.next(pods, (p) => unresolved(p).length === 1);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: nads } });
    assert.deepEqual(unresolved(await closed), ['del-net']);
  });

  it('closed and reopened with other text: the new text is linted, nothing of the old one stays', async () => {
    const u = url('reopen.yaml');
    assert.deepEqual(codes(await client.open(u, pod('reopen-a'))), ['multus-network-unresolved', 'privileged-container']);
    const cleared = client.next(u);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
    assert.deepEqual((await cleared).diagnostics, []);
    const p = await client.open(u, pod('reopen-b').replace('privileged: true', 'privileged: false'));
    assert.deepEqual(unresolved(p), ['reopen-b']);
    assert.deepEqual(codes(p), ['multus-network-unresolved']);
  });

  it('opened and closed before its first lint: no diagnostics are left behind', async () => {
    const u = url('flash.yaml');
    const wire = [
      { method: 'textDocument/didOpen', params: { textDocument: { uri: u, languageId: 'yaml', version: 1, text: pod('flash') } } },
      { method: 'textDocument/didClose', params: { textDocument: { uri: u } } },
    ].map((m) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...m });
      return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    });
    client.process.stdin!.write(wire.join(''));
    // Another document's lint orders after the close: by then, the closed one is done with.
    await client.open(url('after-flash.yaml'), pod('after-flash'));
    const left = client.published.filter((p) => p.uri === u);
    assert.ok(left.length === 0 || left.at(-1)!.diagnostics.length === 0, JSON.stringify(left));
  });

  it('an untitled document in YAML is linted, and its NADs count for the other open documents', async () => {
    const draft = 'untitled:Untitled-1';
    const podUri = 'untitled:Untitled-2';
    assert.deepEqual(codes(await client.open(podUri, pod('draft-net'))), ['multus-network-unresolved', 'privileged-container']);
    const resolved = client.next(podUri, (p) => unresolved(p).length === 0);
    await client.open(draft, nad('draft-net'));
    assert.deepEqual(codes(await resolved), ['privileged-container']);
    const gone = client.next(podUri, (p) => unresolved(p).length === 1);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: draft } });
    assert.deepEqual(unresolved(await gone), ['draft-net']);
  });

  it('a document whose language changes from yaml to plaintext: cleared, and no longer linted', async () => {
    const u = url('notes.txt');
    assert.deepEqual(codes(await client.open(u, pod('notes'))), ['multus-network-unresolved', 'privileged-container']);
    const cleared = client.next(u);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'plaintext', version: 1, text: pod('notes') } });
    assert.deepEqual((await cleared).diagnostics, []);
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 12, character: 8 } });
    assert.equal(hover, null);
    await client.open(url('after-notes.yaml'), pod('after-notes'));
    assert.deepEqual(client.published.filter((p) => p.uri === u).length, 2, 'nothing published after the reopen');
  });

  it('renamed: the old URI is cleared and leaves the index, the new one is linted and counts', async () => {
    writeFileSync(join(root, 'old-name.yaml'), nad('renamed-net'));
    const oldUri = url('old-name.yaml');
    const newUri = url('new-name.yaml');
    const pods = url('renamed-pod.yaml');
    await client.open(oldUri, nad('renamed-net'));
    assert.deepEqual(unresolved(await client.open(pods, pod('renamed-net'))), []);
    // As VS Code renames: close the old, move on disk, open the new, then the watcher's events.
    const cleared = client.next(oldUri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: oldUri } });
    unlinkSync(join(root, 'old-name.yaml'));
    writeFileSync(join(root, 'new-name.yaml'), nad('renamed-net'));
    await client.open(newUri, nad('renamed-net'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: oldUri, type: 3 }, { uri: newUri, type: 1 }] });
    assert.deepEqual((await cleared).diagnostics, []);
    assert.deepEqual(unresolved(await touch(pods)), []);
    assert.deepEqual(client.logs, []);
  });
});
