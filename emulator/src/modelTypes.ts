// The slice of an AWS API model (botocore/Smithy JSON) that request validation needs. The data
// itself is generated into `generated/awsModels.ts` by `scripts/generateModels.ts`.

export type ShapeSpec =
  | { type: 'structure'; members: Record<string, string>; required?: string[] }
  | { type: 'list'; member: string; min?: number; max?: number }
  | { type: 'map'; key: string; value: string; min?: number; max?: number }
  | { type: 'string'; min?: number; max?: number; pattern?: string; enum?: string[]; sensitive?: boolean }
  | { type: 'integer' | 'long' | 'float' | 'double'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'timestamp' }
  | { type: 'blob'; min?: number; max?: number; sensitive?: boolean };

export interface OperationSpec {
  /** Input shape name; undefined for operations without input. */
  input?: string;
}

export interface ServiceModel {
  /** Key of the service in our registry and in state (`apprunner`, `secretsmanager`, `logs`). */
  id: string;
  targetPrefix: string;
  jsonVersion: '1.0' | '1.1';
  signingName: string;
  apiVersion: string;
  operations: Record<string, OperationSpec>;
  shapes: Record<string, ShapeSpec>;
}
