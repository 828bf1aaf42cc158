// What the client can do, what the server offers, and the workspace folders of an initialize request.
import { ClientCapabilities, CodeActionKind, InitializeParams, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from '../protocol/constants';

/** Client features the server adapts to. */
export interface ClientFeatures {
  /** `workspace/configuration`: settings are asked per resource. */
  configuration: boolean;
  /** Workspace folder change notifications. */
  workspaceFolders: boolean;
  /** The server may register for `workspace/didChangeConfiguration` notifications. */
  configurationRegistration: boolean;
  /** The server may register file watchers for the configuration file. */
  watchedFilesRegistration: boolean;
  /** Versioned workspace edits (`documentChanges`). */
  documentChanges: boolean;
}

/** Reads the client features from its capabilities. */
export function clientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  const ws = capabilities.workspace;
  return {
    configuration: ws?.configuration === true,
    workspaceFolders: ws?.workspaceFolders === true,
    configurationRegistration: ws?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: ws?.didChangeWatchedFiles?.dynamicRegistration === true,
    documentChanges: ws?.workspaceEdit?.documentChanges === true,
  };
}

/** The server's capabilities: incremental sync, quick-fixes and fix-all, hover. */
export function serverCapabilities(features: ClientFeatures): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      workspace: features.workspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
    },
    serverInfo: { name: 'cnf-lint' },
  };
}

/** The URIs of the workspace folders an initialize request names (the root URI when it names none). */
export function initialFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders.map((f) => f.uri);
  return params.rootUri ? [params.rootUri] : [];
}
