// The cnf-lint language server: wiring of the connection, the open documents and the handlers.
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigReader } from './config/config-file';
import { codeActions } from './handlers/code-actions';
import { ClientFeatures, clientFeatures, initialFolders, serverCapabilities } from './handlers/capabilities';
import { uriToPath, WorkspaceConfigFiles } from './handlers/config-files';
import { ChartLoader } from './helm/chart';
import { diskChartFiles } from './helm/disk-files';
import { DiagnosticsService } from './handlers/diagnostics';
import { hoverAt } from './handlers/hover';
import { isConfigUri } from './handlers/lint-document';
import { SETTINGS_SECTION, SettingsStore } from './handlers/settings';
import { IndexProgress } from './handlers/index-progress';
import { indexKey, WorkspaceIndexer } from './handlers/workspace-indexer';
import { CONFIG_FILE_NAME } from './protocol/constants';
import { RULES } from './rules';
import { enabledPatterns } from './workspace/glob';
import { WorkspaceIndex } from './workspace/workspace-index';

/** Starts the server on the transport named on the command line (--stdio, --node-ipc, --socket). */
function main(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const reader = new ConfigReader();
  let features: ClientFeatures | undefined;
  /** Settings pushed with didChangeConfiguration, for clients without `workspace/configuration`. */
  let pushed: unknown;

  const configFiles = new WorkspaceConfigFiles(reader, (uri, config) => diagnostics.showConfigOnDisk(uri, config));
  const settings = new SettingsStore(
    (uri) => (features?.configuration ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }) : Promise.resolve(pushed)),
    configFiles,
  );
  const index = new WorkspaceIndex();
  // Charts are read from the open documents first: a template sees its values.yaml as it is being typed.
  const openText = (path: string) => documents.all().find((d) => uriToPath(d.uri) === path)?.getText();
  const charts = new ChartLoader(diskChartFiles(openText));
  const diagnostics = new DiagnosticsService({
    documents,
    settingsFor: (uri) => settings.forDocument(uri),
    reader,
    rules: RULES,
    publish: (params) => void connection.sendDiagnostics(params).catch(() => undefined),
    logError: (message) => connection.console.error(message),
    index,
    indexReady: () => indexer.ready(),
    charts,
  });
  const progress = new IndexProgress(connection.window, () => diagnostics.requestAll());
  const indexer = new WorkspaceIndexer({
    index,
    settingsFor: (folderUri) => settings.forDocument(folderUri),
    excludesFor: async (folderUri) =>
      features?.configuration
        ? enabledPatterns(((await connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files' }).catch(() => undefined)) as { exclude?: unknown } | undefined)?.exclude)
        : [],
    isOpen: (uri) => documents.all().some((d) => indexKey(d.uri) === uri),
    changed: (keys) => diagnostics.workspaceChanged(keys),
    // Once every folder is crawled, the held-back findings of workspace rules are published.
    readyChanged: (ready) => progress.set(ready),
    logError: (message) => connection.console.error(message),
  });
  let folders: string[] = [];
  const logFailure = (what: string) => (e: unknown) => connection.console.error(`cnf-lint: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);

  connection.onInitialize((params) => {
    features = clientFeatures(params.capabilities);
    folders = initialFolders(params);
    configFiles.updateFolders(folders);
    return serverCapabilities(features);
  });
  const registrationFailed = (error: unknown) => connection.console.error(`cnf-lint: registration failed: ${String(error)}`);
  connection.onInitialized(() => {
    if (features?.configurationRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(registrationFailed);
    }
    if (features?.watchedFilesRegistration) {
      const watchers = [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.{yaml,yml,tpl}' }];
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(registrationFailed);
    }
    if (features?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        configFiles.updateFolders(e.added.map((f) => f.uri), e.removed.map((f) => f.uri));
        indexer.updateFolders(e.added.map((f) => f.uri), e.removed.map((f) => f.uri));
        diagnostics.requestAll();
      });
    }
    // Indexing runs in a worker thread: open documents are linted meanwhile.
    indexer.updateFolders(folders);
  });
  connection.onDidChangeConfiguration((params) => {
    pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    settings.clear();
    diagnostics.requestAll();
    indexer.reindexAll();
  });
  connection.onDidChangeWatchedFiles(async (params) => {
    let configChanged = false;
    for (const change of params.changes) {
      if (chartFileChanged(change.uri)) configChanged = true;
      if (configFiles.fileChanged(change.uri)) configChanged = true;
      else await indexer.fileChanged(change.uri, change.type).catch(logFailure('a watched file change'));
    }
    if (configChanged) {
      diagnostics.requestAll();
      indexer.reindexAll();
    }
  });

  /** A chart's metadata, values or named templates changed: its templates are read again. True when one did. */
  const chartFileChanged = (uri: string): boolean => {
    const path = uriToPath(uri);
    const kind = path && charts.kindOf(path)?.kind;
    if (!path || (kind !== 'chart-file' && kind !== 'helpers')) return false;
    charts.changed(path);
    return true;
  };
  documents.onDidChangeContent((e) => {
    if (chartFileChanged(e.document.uri)) diagnostics.requestAll();
    diagnostics.request(e.document.uri);
  });
  documents.onDidSave((e) => {
    if (isConfigUri(e.document.uri) && configFiles.fileChanged(e.document.uri)) diagnostics.requestAll();
  });
  documents.onDidClose((e) => {
    settings.drop(e.document.uri);
    diagnostics.close(e.document.uri);
    if (isConfigUri(e.document.uri)) configFiles.fileChanged(e.document.uri);
    else indexer.documentClosed(e.document.uri).catch(logFailure('closing a document'));
  });

  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const workspace = { index, uri: indexKey(uri) };
    return codeActions(params, await diagnostics.current(uri), RULES, { documentChanges: features?.documentChanges ?? false }, workspace);
  });
  connection.onHover(async (params) => hoverAt(await diagnostics.current(params.textDocument.uri), params.position, RULES) ?? null);

  // The last line of defence: a promise nobody handled is logged, never the end of the server.
  process.on('unhandledRejection', logFailure('a background task'));
  documents.listen(connection);
  connection.listen();
}

main();
