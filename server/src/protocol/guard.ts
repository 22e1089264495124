/**
 * Every handler runs inside guard(): an exception is logged with its stack and
 * the request is answered with the fallback, so bad input never takes the
 * server down or leaves a client waiting.
 */
export type Logger = (message: string) => void;

export function guard<A extends unknown[], R>(log: Logger, name: string, fallback: R, handler: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return handler(...args);
    } catch (error) {
      log(`envls: ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  };
}

/** A message to the client that may fail (the connection ended): logged if it can be, never an unhandled rejection. */
export function settle(log: Logger, what: string, promise: Promise<unknown>): void {
  promise.catch((error: unknown) => {
    try {
      log(`envls: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    } catch {
      // The connection is gone: nobody to tell.
    }
  });
}
