// `node dist/emulator.js [--port N] [--host 127.0.0.1] [...]`: runs the emulator until SIGTERM or
// SIGINT, printing `emulator listening on http://HOST:PORT` once it accepts connections.
import { startEmulator, type Credentials, type EmulatorOptions } from './server';
import { readyMessage } from './readyMessage';

const USAGE = `usage: emulator [--port N] [--host ADDRESS] [--provisioning-ms N] [--state FILE] [--seed samples]
                [--credentials ACCESS_KEY:SECRET]... [--live-tail-denied ACCESS_KEY]...
                [--app-log-interval-ms N] [--account-id 12DIGITS]`;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): EmulatorOptions {
  const options: EmulatorOptions = {};
  const credentials: Credentials[] = [];
  const denied: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    const number = (): number => {
      const text = value();
      const parsed = Number(text);
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(parsed)) throw new UsageError(`${flag} needs a non-negative integer, not ${text}`);
      return parsed;
    };
    switch (flag) {
      case '--port': options.port = number(); break;
      case '--host': options.host = value(); break;
      case '--provisioning-ms': options.provisioningMs = number(); break;
      case '--app-log-interval-ms': options.appLogIntervalMs = number(); break;
      case '--state': options.stateFile = value(); break;
      case '--account-id': options.accountId = value(); break;
      case '--seed': {
        const what = value();
        if (what !== 'samples') throw new UsageError(`--seed takes "samples", not ${what}`);
        options.samples = true;
        break;
      }
      case '--live-tail-denied': denied.push(value()); break;
      case '--credentials': {
        const [accessKeyId, ...secret] = value().split(':');
        if (!accessKeyId || secret.length === 0) throw new UsageError('--credentials needs ACCESS_KEY:SECRET');
        credentials.push({ accessKeyId, secretAccessKey: secret.join(':') });
        break;
      }
      default:
        throw new UsageError(`unknown argument ${flag}`);
    }
  }
  if (credentials.length > 0) options.credentials = credentials;
  if (denied.length > 0) options.liveTailDenied = denied;
  if (options.accountId !== undefined && !/^\d{12}$/.test(options.accountId)) throw new UsageError('--account-id needs 12 digits');
  return options;
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  let options: EmulatorOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`emulator: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  const emulator = await startEmulator(options);
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('emulator: stop failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  console.log(`emulator listening on ${emulator.url}`);
  // A parent that started us with an IPC channel (the extension's Local Sandbox) is told where
  // the stand-in applications answer, so it never has to know this emulator's routes; when that
  // parent goes away (VS Code closed or crashed) the sandbox goes too.
  if (process.send) {
    process.send(readyMessage(emulator));
    process.on('disconnect', shutdown);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error('emulator:', error);
    process.exit(1);
  });
}
