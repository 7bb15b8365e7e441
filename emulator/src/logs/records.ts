// What the emulator stores about CloudWatch Logs groups, streams and events (JSON-compatible).

export interface LogEventRecord {
  timestamp: number;
  message: string;
  ingestionTime: number;
  /** Global ingestion order: breaks timestamp ties and positions tokens. */
  seq: number;
}

export interface LogStreamRecord {
  name: string;
  createdAt: number;
  /** Sorted by (timestamp, seq). */
  events: LogEventRecord[];
  storedBytes: number;
  lastIngestionTime?: number;
}

export interface LogGroupRecord {
  name: string;
  createdAt: number;
  retentionInDays?: number;
  kmsKeyId?: string;
  tags: Record<string, string>;
  streams: Map<string, LogStreamRecord>;
}
