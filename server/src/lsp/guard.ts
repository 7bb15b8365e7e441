// Every request handler runs through `guarded`: an exception is logged to the client's output
// and answered with the handler's fallback, and a cancelled request gets LSP's
// RequestCancelled error, so one bad request never takes the server down.
import { LSPErrorCodes, ResponseError, type CancellationToken, type RemoteConsole } from 'vscode-languageserver';
import { describeError } from '../../../common/src/describeError';

export type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

export function guarded<P, R>(console: RemoteConsole, name: string, fallback: R, handler: Handler<P, R>): Handler<P, R | ResponseError<void>> {
  return async (params, token) => {
    if (token.isCancellationRequested) return cancelled();
    try {
      const result = await handler(params, token);
      return token.isCancellationRequested ? cancelled() : result;
    } catch (error) {
      console.error(`${name} failed: ${describeError(error, { stack: true })}`);
      return fallback;
    }
  };
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
