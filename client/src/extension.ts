/**
 * The VS Code client: starts dist/server.js, passes envls.* settings, shows which
 * schemas apply to the active file, and offers "envls: Restart Server".
 */
import * as path from 'node:path';
import {
  commands,
  languages,
  LanguageStatusSeverity,
  window,
  type ExtensionContext,
  type LanguageStatusItem,
  type LogOutputChannel,
} from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const LANGUAGE_IDS = ['dotenv', 'env-spec'];

interface BindingNotice {
  uri: string;
  schemas: { id: string; title: string }[];
  source: string;
  certainty: string;
  reason: string;
}

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output: LogOutputChannel = window.createOutputChannel('envls', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const selector = LANGUAGE_IDS.flatMap((language) => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    // The server registers file watchers for the configured envls.schemaFiles itself.
  };
  client = new LanguageClient('envls', 'envls', serverOptions, clientOptions);

  const bindings = new Map<string, BindingNotice>();
  const status: LanguageStatusItem = languages.createLanguageStatusItem('envls.schema', selector);
  status.name = 'envls schema';
  status.command = { title: 'Show envls log', command: 'envls.showOutput' };
  const refreshStatus = () => {
    const uri = window.activeTextEditor?.document.uri.toString();
    const notice = uri ? bindings.get(uri) : undefined;
    if (!notice || notice.schemas.length === 0) {
      status.text = 'envls: no schema';
      status.detail = 'Add "# envls-schema: <id>" or set envls.schemas';
      status.severity = LanguageStatusSeverity.Information;
      return;
    }
    status.text = `envls: ${notice.schemas.map((s) => s.id).join(', ')}`;
    status.detail = `${notice.schemas.map((s) => s.title).join(', ')} — ${notice.reason}`;
    status.severity = LanguageStatusSeverity.Information;
  };
  refreshStatus();

  context.subscriptions.push(
    output,
    status,
    window.onDidChangeActiveTextEditor(refreshStatus),
    commands.registerCommand('envls.restartServer', async () => {
      output.info('Restarting envls server');
      await client?.restart();
    }),
    commands.registerCommand('envls.showOutput', () => output.show(true)),
  );

  // Settings changes reach the server without help here: it registers for workspace/didChangeConfiguration
  // (section envls) and vscode-languageclient then notifies it, after which it pulls the new values.
  await client.start();
  client.onNotification('envls/binding', (notice: BindingNotice) => {
    bindings.set(notice.uri, notice);
    refreshStatus();
  });
  output.info(`envls server started (${serverModule})`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
