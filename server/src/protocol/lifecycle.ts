/**
 * The LSP lifecycle: a request before `initialize` is answered with
 * ServerNotInitialized, one after `shutdown` with InvalidRequest, never a result.
 * Every request handler is registered through request(), which also isolates it
 * (guard: an exception is logged with its stack and answered with the fallback).
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { guard, type Logger } from './guard';

type State = 'uninitialized' | 'running' | 'shutdown';

export class Lifecycle {
  private state: State = 'uninitialized';

  constructor(private readonly log: Logger) {}

  get isShutdown(): boolean {
    return this.state === 'shutdown';
  }

  initialized(): void {
    if (this.state === 'uninitialized') this.state = 'running';
  }

  shutdown(): void {
    this.state = 'shutdown';
  }

  /** The error to answer instead of running a request, if the lifecycle forbids it. */
  refusal(): ResponseError<void> | undefined {
    if (this.state === 'uninitialized') return new ResponseError(ErrorCodes.ServerNotInitialized, 'envls: the server is not initialized yet');
    if (this.state === 'shutdown') return new ResponseError(ErrorCodes.InvalidRequest, 'envls: the server is shut down');
    return undefined;
  }

  request<A extends unknown[], R>(name: string, fallback: R, handler: (...args: A) => R): (...args: A) => R | ResponseError<void> {
    const guarded = guard(this.log, name, fallback, handler);
    return (...args: A) => this.refusal() ?? guarded(...args);
  }

  /** Notifications before initialize or after shutdown are dropped (LSP: except exit). */
  notification<A extends unknown[]>(name: string, handler: (...args: A) => void): (...args: A) => void {
    const guarded = guard(this.log, name, undefined, handler);
    return (...args: A) => {
      if (this.state === 'running') guarded(...args);
    };
  }
}
