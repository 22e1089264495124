/**
 * A real JSON-RPC client for protocol tests: spawns the built server
 * (`node dist/server.js --stdio`) and speaks LSP over its stdio, or runs
 * startServer in this process over a pair of streams (inProcess).
 * Waits are on conditions (a notification arriving), never fixed sleeps.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, type MessageReader, type MessageWriter } from 'vscode-jsonrpc/node';
import { createConnection as createServerConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeRuntime } from '../../server/src/node/runtime';
import { startServer as startInProcess } from '../../server/src/protocol/startServer';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Rule } from '../../server/src/service/rules/rule';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SERVER = resolve(REPO_ROOT, 'dist/server.js');

export interface Client {
  connection: MessageConnection;
  /** The spawned server (absent in-process). */
  process?: ChildProcessWithoutNullStreams;
  stderr: () => string;
  logs: string[];
  /** The server's answer to initialize. */
  initializeResult: { capabilities: Record<string, unknown> };
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  open(path: string, text: string, languageId?: string): Promise<PublishDiagnosticsParams>;
  change(uri: string, version: number, text: string): Promise<PublishDiagnosticsParams>;
  /** The next publishDiagnostics for uri (at version, when given). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  notification<T>(method: string, accept: (params: T) => boolean): Promise<T>;
  request<R>(method: string, params: unknown): Promise<R>;
  stop(): Promise<void>;
}

export interface StartOptions {
  rootPath?: string;
  settings?: unknown;
  /** Answer workspace/configuration with these settings (pull model, like VS Code). */
  pullSettings?: unknown;
  timeoutMs?: number;
  /** The client's completionList.itemDefaults capability (LSP 3.17). */
  completionItemDefaults?: string[];
  /** More client capabilities, merged into `workspace` and `textDocument`. */
  capabilities?: { workspace?: object; textDocument?: object };
  /** Workspace folder URIs given to initialize instead of rootPath's (any scheme). */
  workspaceFolderUris?: string[];
  /** Client capabilities merged over the default ones (e.g. workspace.workspaceEdit.documentChanges). */
  workspaceCapabilities?: Record<string, unknown>;
  /** Start without sending initialize (to test the lifecycle). */
  uninitialized?: boolean;
  /**
   * Run startServer in this process over a pair of streams instead of spawning dist/server.js
   * (the default comes from ENVLS_TEST_IN_PROCESS=1, so a whole file can run either way).
   */
  inProcess?: boolean;
  /** In-process only: rules the server runs after the declared ones (Runtime.extraRules, e.g. one that throws). */
  extraRules?: readonly Rule[];
}

interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  process?: ChildProcessWithoutNullStreams;
  stderr: () => string;
  /** Ends the server once `shutdown` was answered (or failed). */
  end(): Promise<void>;
}

function spawned(): Transport {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return {
    reader: new StreamMessageReader(child.stdout),
    writer: new StreamMessageWriter(child.stdin),
    process: child,
    stderr: () => stderr,
    end: () => new Promise<void>((r) => {
      if (child.exitCode !== null) return r();
      const timer = setTimeout(() => { child.kill('SIGKILL'); }, 3000);
      child.once('exit', () => { clearTimeout(timer); r(); });
    }),
  };
}

/** startServer (the same code as dist/server.js) over two in-memory streams: a real JSON-RPC connection, no process. */
function inProcess(extraRules?: readonly Rule[]): Transport {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // A MessageReader, not a stream: vscode-languageserver would exit the process when a stream ends.
  const serverConnection = createServerConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startInProcess(serverConnection, extraRules ? { ...nodeRuntime(), extraRules } : nodeRuntime());
  serverConnection.listen();
  return {
    reader: new StreamMessageReader(toClient),
    writer: new StreamMessageWriter(toServer),
    stderr: () => '',
    end: async () => {
      // No `exit` notification: vscode-languageserver answers it with process.exit.
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

export async function startServer(options: StartOptions = {}): Promise<Client> {
  if (options.extraRules && options.inProcess === false) throw new Error('extraRules needs the in-process server');
  const transport = (options.extraRules || (options.inProcess ?? process.env.ENVLS_TEST_IN_PROCESS === '1')) ? inProcess(options.extraRules) : spawned();
  const connection = createMessageConnection(transport.reader, transport.writer);
  const logs: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { method: string; accept: (p: any) => boolean; resolve: (p: any) => void }[] = [];
  const notifications: { method: string; params: any }[] = [];
  const deliver = (method: string, params: any) => {
    notifications.push({ method, params });
    for (const w of [...waiters]) {
      if (w.method === method && w.accept(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  };
  connection.onNotification((method, params) => {
    if (method === 'window/logMessage') logs.push((params as { message: string }).message);
    if (method === 'textDocument/publishDiagnostics') published.push(params as PublishDiagnosticsParams);
    deliver(method, params);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.pullSettings ?? null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const timeoutMs = options.timeoutMs ?? 10000;
  const withTimeout = <T>(promise: Promise<T>, what: string): Promise<T> =>
    new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; server stderr: ${transport.stderr()}; logs: ${logs.join('\n')}`)), timeoutMs);
      promise.then((v) => { clearTimeout(timer); resolvePromise(v); }, (e) => { clearTimeout(timer); reject(e); });
    });
  const notification = <T>(method: string, accept: (params: T) => boolean): Promise<T> => {
    const already = notifications.find((n) => n.method === method && accept(n.params));
    if (already) {
      notifications.splice(notifications.indexOf(already), 1);
      return Promise.resolve(already.params);
    }
    return withTimeout(new Promise<T>((resolveWait) => waiters.push({ method, accept, resolve: resolveWait })), method);
  };
  const rootUri = options.rootPath ? pathToFileURL(options.rootPath).toString() : null;
  const folderUris = options.workspaceFolderUris ?? (rootUri ? [rootUri] : []);
  const initializeResult = options.uninitialized ? { capabilities: {} } : await withTimeout(connection.sendRequest<Client['initializeResult']>('initialize', {
    // In-process, a processId would start vscode-languageserver's watchdog timer in this process.
    processId: transport.process ? process.pid : null,
    rootUri: options.workspaceFolderUris ? (options.workspaceFolderUris[0] ?? null) : rootUri,
    workspaceFolders: folderUris.length > 0 ? folderUris.map((uri, i) => ({ uri, name: `folder${i}` })) : null,
    capabilities: {
      workspace: { configuration: options.pullSettings !== undefined, ...options.workspaceCapabilities, ...options.capabilities?.workspace },
      textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true }, ...(options.completionItemDefaults ? { completionList: { itemDefaults: options.completionItemDefaults } } : {}) }, ...options.capabilities?.textDocument },
    },
    initializationOptions: options.settings !== undefined ? { settings: options.settings } : undefined,
  }), 'initialize');
  if (!options.uninitialized) connection.sendNotification('initialized', {});
  const diagnostics = (uri: string, version?: number) =>
    notification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version));
  return {
    connection,
    process: transport.process,
    stderr: transport.stderr,
    logs,
    initializeResult,
    published,
    notification,
    diagnostics,
    open(path, text, languageId = 'dotenv') {
      const uri = /^[a-z][a-z0-9+.-]+:/i.test(path) ? path : pathToFileURL(path).toString();
      const wait = diagnostics(uri, 1);
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return wait;
    },
    change(uri, version, text) {
      const wait = diagnostics(uri, version);
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return wait;
    },
    request: <R>(method: string, params: unknown) => withTimeout(connection.sendRequest(method, params) as Promise<R>, method),
    async stop() {
      try {
        await withTimeout(connection.sendRequest('shutdown'), 'shutdown');
        if (transport.process) connection.sendNotification('exit');
      } catch {
        // fall through to kill
      }
      await transport.end();
      connection.dispose();
    },
  };
}

export function codesOf(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}
