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
import { WorkspaceConfigFiles } from './handlers/config-files';
import { DiagnosticsService } from './handlers/diagnostics';
import { hoverAt } from './handlers/hover';
import { isConfigUri } from './handlers/lint-document';
import { SETTINGS_SECTION, SettingsStore } from './handlers/settings';
import { CONFIG_FILE_NAME } from './protocol/constants';
import { RULES } from './rules';

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
  const diagnostics = new DiagnosticsService({
    documents,
    settingsFor: (uri) => settings.forDocument(uri),
    reader,
    rules: RULES,
    publish: (params) => void connection.sendDiagnostics(params).catch(() => undefined),
    logError: (message) => connection.console.error(message),
  });

  connection.onInitialize((params) => {
    features = clientFeatures(params.capabilities);
    configFiles.updateFolders(initialFolders(params));
    return serverCapabilities(features);
  });
  const registrationFailed = (error: unknown) => connection.console.error(`cnf-lint: registration failed: ${String(error)}`);
  connection.onInitialized(() => {
    if (features?.configurationRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(registrationFailed);
    }
    if (features?.watchedFilesRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(registrationFailed);
    }
    if (features?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        configFiles.updateFolders(e.added.map((f) => f.uri), e.removed.map((f) => f.uri));
        diagnostics.requestAll();
      });
    }
  });
  connection.onDidChangeConfiguration((params) => {
    pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    settings.clear();
    diagnostics.requestAll();
  });
  connection.onDidChangeWatchedFiles((params) => {
    const changed = params.changes.filter((c) => configFiles.fileChanged(c.uri));
    if (changed.length > 0) diagnostics.requestAll();
  });

  documents.onDidChangeContent((e) => diagnostics.request(e.document.uri));
  documents.onDidSave((e) => {
    if (isConfigUri(e.document.uri) && configFiles.fileChanged(e.document.uri)) diagnostics.requestAll();
  });
  documents.onDidClose((e) => {
    settings.drop(e.document.uri);
    diagnostics.close(e.document.uri);
    if (isConfigUri(e.document.uri)) configFiles.fileChanged(e.document.uri);
  });

  connection.onCodeAction(async (params) =>
    codeActions(params, await diagnostics.current(params.textDocument.uri), RULES, { documentChanges: features?.documentChanges ?? false }),
  );
  connection.onHover(async (params) => hoverAt(await diagnostics.current(params.textDocument.uri), params.position, RULES) ?? null);

  documents.listen(connection);
  connection.listen();
}

main();
