// What the emulator stores about Secrets Manager secrets (JSON-compatible, see apprunner/records).

export interface SecretVersion {
  id: string;
  secretString?: string;
  /** Base64, as on the wire. */
  secretBinary?: string;
  stages: string[];
  createdAt: number;
}

export interface SecretRecord {
  arn: string;
  name: string;
  description?: string;
  kmsKeyId?: string;
  createdAt: number;
  lastChangedAt: number;
  lastAccessedAt?: number;
  /** When a scheduled deletion takes effect; the name stays reserved until then. */
  deletionDate?: number;
  deletedAt?: number;
  tags: { Key: string; Value: string }[];
  /** Oldest first. */
  versions: SecretVersion[];
}
