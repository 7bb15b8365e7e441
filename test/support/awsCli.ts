// The real AWS CLI (v2, which has `aws logs tail`) against the emulator, isolated from any user
// configuration. Missing CLI is a failure, never a skip: CI installs Debian's `awscli`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { childEnv } from './emulatorProcess';

function candidates(): string[] {
  const fromPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'aws'));
  return [...(process.env.AWS_CLI ? [process.env.AWS_CLI] : []), '/usr/bin/aws', ...fromPath];
}

/** The first `aws` that is version 2; throws when there is none. */
export async function findAwsCliV2(): Promise<string> {
  const tried: string[] = [];
  for (const candidate of candidates()) {
    try {
      const { stdout: version } = await promisify(execFile)(candidate, ['--version'], { encoding: 'utf8', env: childEnv() });
      if (version.startsWith('aws-cli/2')) return candidate;
      tried.push(`${candidate} (${version.trim()})`);
    } catch {
      tried.push(`${candidate} (not runnable)`);
    }
  }
  throw new Error(`the AWS CLI v2 is required (apt-get install awscli); tried: ${tried.join(', ') || 'nothing on PATH'}`);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class AwsCli {
  private readonly home = mkdtempSync(join(tmpdir(), 'aws-cli-home-'));

  constructor(
    private readonly binary: string,
    private readonly endpoint: string,
  ) {}

  /** Writes a file into the CLI's private folder (for `file://` inputs) and returns its path. */
  file(name: string, content: string): string {
    const path = join(this.home, name);
    writeFileSync(path, content);
    return path;
  }

  run(args: readonly string[], credentials = { key: 'test', secret: 'test' }): Promise<CliResult> {
    const env = childEnv({
      HOME: this.home,
      AWS_CONFIG_FILE: join(this.home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(this.home, 'credentials'),
      AWS_ACCESS_KEY_ID: credentials.key,
      AWS_SECRET_ACCESS_KEY: credentials.secret,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
    });
    delete env.AWS_PROFILE;
    delete env.AWS_SESSION_TOKEN;
    return new Promise((resolve) => {
      execFile(this.binary, ['--endpoint-url', this.endpoint, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** Runs and parses JSON output; fails with the CLI's stderr when the command fails. */
  async json<T>(args: readonly string[]): Promise<T> {
    const result = await this.run([...args, '--output', 'json']);
    if (result.code !== 0) throw new Error(`aws ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
    return JSON.parse(result.stdout || '{}') as T;
  }

  dispose(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}
