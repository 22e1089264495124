/**
 * The envls language server process: `node dist/server.js --stdio` (or --node-ipc,
 * --socket=N, --pipe=NAME as vscode-languageserver reads them). Everything else is
 * in protocol/startServer.ts, which tests also run in-process.
 */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { nodeRuntime } from './node/runtime';
import { startServer, type RunningServer } from './protocol/startServer';

let server: RunningServer | undefined;
const stderr = (message: string) => process.stderr.write(`${message}\n`);

process.on('uncaughtException', (error) => stderr(`envls: uncaught exception: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => stderr(`envls: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));

/**
 * Over stdio the reader is ours: after a malformed header (a bad Content-Length) it can
 * never find the next message, so the server says why on stderr and exits with an
 * error; the client sees the exit and can restart it.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    stderr(`envls: unreadable message from the client, exiting so that it can restart the server: ${error.message.slice(0, 300)}`);
    process.exit(1);
  });
  const exit = () => process.exit(server?.isShutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
server = startServer(connection, nodeRuntime());
connection.listen();
