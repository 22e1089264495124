/**
 * The VS Code client: starts dist/server.js, passes envls.* settings, shows which schemas apply to the
 * active file (language status), cloaks secret values, and adds the palette commands: Select Schema…,
 * Toggle Value Cloaking, Fix All, Show Log, Restart Server.
 */
import * as path from 'node:path';
import { commands, env, languages, Uri, window, workspace, type ExtensionContext, type LogOutputChannel, type TextDocument } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Cloaking } from './cloak';
import { BINDING_NOTIFICATION, type BindingNotice } from '../../server/src/protocol/bindingNotice';
import { SchemaStatus } from './schemaStatus';
import { selectSchema } from './selectSchema';
import { codeSelector } from './codeSelector';

const LANGUAGE_IDS = ['dotenv', 'env-spec'];
/** The code action kind of envls's fix-all (server: service/codeActions.ts FIX_ALL_KIND). */
const FIX_ALL_KIND = 'source.fixAll.envls';

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
  // Code files too, for code and .env together (envls.code.*); the env-only parts (status, cloaking) keep `selector`.
  const codeSelection = () => {
    const settings = workspace.getConfiguration('envls.code');
    return codeSelector(settings.get('enable'), settings.get('languages'));
  };
  let codeLanguages = JSON.stringify(codeSelection());
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...selector, ...codeSelection()],
    outputChannel: output,
    // The server registers file watchers for the configured envls.schemaFiles itself.
  };
  client = new LanguageClient('envls', 'envls', serverOptions, clientOptions);
  const languageClient = client;

  const isEnvDocument = (document: TextDocument) => languages.match(selector, document) > 0;
  const cloaking = new Cloaking(languageClient, isEnvDocument, (message) => output.warn(message));
  const status = new SchemaStatus(languageClient, selector, cloaking);
  cloaking.onDidChangeState(() => status.refresh());

  context.subscriptions.push(
    output,
    cloaking,
    status,
    window.onDidChangeActiveTextEditor(() => status.refresh()),
    workspace.onDidGrantWorkspaceTrust(() => status.refresh()),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('envls')) status.refresh();
      // A client's document selector is fixed while it runs: restart it with the new code languages.
      if (event.affectsConfiguration('envls.code') && JSON.stringify(codeSelection()) !== codeLanguages) {
        codeLanguages = JSON.stringify(codeSelection());
        languageClient.clientOptions.documentSelector = [...selector, ...codeSelection()];
        output.info('envls: the code languages changed; restarting the server');
        void languageClient.restart().then(() => cloaking.refreshVisible(), (error: Error) => output.warn(`envls: restart failed: ${error.message}`));
      }
    }),
    // A new analysis (after an edit, a settings or schema file change) is published as diagnostics.
    languages.onDidChangeDiagnostics((event) => {
      for (const uri of event.uris) cloaking.refreshUri(uri.toString());
    }),
    commands.registerCommand('envls.restartServer', async () => {
      output.info('Restarting envls server');
      await languageClient.restart();
      cloaking.refreshVisible();
    }),
    commands.registerCommand('envls.showOutput', () => output.show(true)),
    commands.registerCommand('envls.selectSchema', () => selectSchema(window.activeTextEditor, status)),
    commands.registerCommand('envls.toggleCloaking', () => cloaking.toggle()),
    commands.registerCommand('envls.openSchemaDocs', async () => {
      await status.schemas().catch(() => []);
      const docs = status.documentationOf(window.activeTextEditor?.document.uri.toString());
      if (docs?.documentation) await env.openExternal(Uri.parse(docs.documentation));
      else void window.showInformationMessage('envls: the schema of this file has no documentation page.');
    }),
    commands.registerCommand('envls.fixAll', () => commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND, apply: 'first' })),
  );

  // Settings changes reach the server without help here: it registers for workspace/didChangeConfiguration
  // (section envls) and vscode-languageclient then notifies it, after which it pulls the new values.
  await client.start();
  client.onNotification(BINDING_NOTIFICATION, (notice: BindingNotice) => {
    status.onBinding(notice);
    cloaking.refreshUri(notice.uri);
  });
  void status.schemas().then(() => status.refresh(), (error: Error) => output.warn(`envls: listing schemas failed: ${error.message}`));
  cloaking.refreshVisible();
  output.info(`envls server started (${serverModule})`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
