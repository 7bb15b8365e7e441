// Sends what the SDK would not: a request body rewritten after serialisation but before signing,
// so the emulator sees a correctly signed request with members or types the model forbids.
import type { AppRunnerClient } from '@aws-sdk/client-apprunner';

type Transform = (body: Record<string, unknown>) => unknown;

interface MutableRequest {
  body?: unknown;
  headers: Record<string, string>;
}

/** Rewrites the JSON body of every request `client` sends while `action` runs. */
export async function withRewrittenBody<T>(client: AppRunnerClient, transform: Transform, action: () => Promise<T>): Promise<T> {
  const name = 'emulatorTestRewriteBody';
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as MutableRequest;
      const body = typeof request.body === 'string' ? request.body : '{}';
      const rewritten = transform(JSON.parse(body) as Record<string, unknown>);
      request.body = typeof rewritten === 'string' ? rewritten : JSON.stringify(rewritten);
      request.headers['content-length'] = String(Buffer.byteLength(request.body as string));
      return next(args);
    },
    { step: 'build', name },
  );
  try {
    return await action();
  } finally {
    client.middlewareStack.remove(name);
  }
}

/** Sets or removes a header on every request `client` sends while `action` runs. */
export async function withHeader<T>(client: AppRunnerClient, header: string, value: string | undefined, action: () => Promise<T>): Promise<T> {
  const name = 'emulatorTestHeader';
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as MutableRequest;
      for (const key of Object.keys(request.headers)) if (key.toLowerCase() === header.toLowerCase()) delete request.headers[key];
      if (value !== undefined) request.headers[header] = value;
      return next(args);
    },
    { step: 'build', name },
  );
  try {
    return await action();
  } finally {
    client.middlewareStack.remove(name);
  }
}
