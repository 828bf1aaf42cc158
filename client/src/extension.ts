// The extension's entry: starts the cnf-lint language server over IPC and registers the commands.
import * as path from 'node:path';
import { commands, ExtensionContext, FileSystemWatcher, workspace } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CONFIG_FILE_NAME, SOURCE } from '../../server/src/protocol/constants';
import { COMMANDS } from './command-ids';
import { fixAllInActiveEditor } from './fix-all';

/**
 * The running client. VS Code calls `deactivate` without the extension context, so the client that
 * `deactivate` must stop (and wait for) is kept here; it is set by `activate` only.
 */
let client: LanguageClient | undefined;

/** The client options: YAML in files and untitled editors; manifests and the config file watched. */
function clientOptions(watchers: FileSystemWatcher[]): LanguageClientOptions {
  return {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: {
      // Settings are not pushed: the server asks `workspace/configuration` (section `cnfLint`) per resource.
      fileEvents: watchers,
    },
    outputChannelName: SOURCE,
  };
}

/** Starts the language server and registers the commands. */
export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watchers = [workspace.createFileSystemWatcher('**/*.{yaml,yml}'), workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`)];
  const started = new LanguageClient('cnfLint', SOURCE, serverOptions, clientOptions(watchers));
  client = started;
  context.subscriptions.push(
    ...watchers,
    commands.registerCommand(COMMANDS.fixAll, fixAllInActiveEditor),
    commands.registerCommand(COMMANDS.restart, () => started.restart()),
  );
  await started.start();
}

/** Stops the language server; VS Code waits for the returned promise. */
export function deactivate(): Promise<void> | undefined {
  const running = client;
  client = undefined;
  return running?.stop();
}
