// The client settings the server reads (`zenmlAppRunner.validation`), normalised from whatever
// the client sends: unknown keys and ill-typed values fall back to the defaults, so a typo in
// the user's settings.json never breaks validation.
import { isPlainObject } from '../../../common/src/domain/schemaFacts';
import type { SeverityOverride, ValidationOptions } from '../../../common/src/language/types';

export const VALIDATION_SECTION = 'zenmlAppRunner.validation';

export interface ValidationSettings {
  enable: boolean;
  /** Per rule code: another severity, or `off`. */
  severity: Readonly<Record<string, SeverityOverride>>;
}

export const DEFAULT_VALIDATION_SETTINGS: ValidationSettings = Object.freeze({ enable: true, severity: Object.freeze({}) });

const OVERRIDES: ReadonlySet<string> = new Set<SeverityOverride>(['error', 'warning', 'information', 'hint', 'off']);

/** Reads the answer to `workspace/configuration` for {@link VALIDATION_SECTION}. */
export function normalizeValidationSettings(raw: unknown): ValidationSettings {
  if (!isPlainObject(raw)) return DEFAULT_VALIDATION_SETTINGS;
  const severity: Record<string, SeverityOverride> = {};
  if (isPlainObject(raw.severity)) {
    for (const [code, level] of Object.entries(raw.severity)) {
      if (typeof level === 'string' && OVERRIDES.has(level)) severity[code] = level as SeverityOverride;
    }
  }
  return { enable: typeof raw.enable === 'boolean' ? raw.enable : DEFAULT_VALIDATION_SETTINGS.enable, severity };
}

/**
 * The section out of a `workspace/didChangeConfiguration` payload, for clients that push
 * settings instead of answering pulls: `{ zenmlAppRunner: { validation: {...} } }`.
 */
export function validationSectionOf(settings: unknown): unknown {
  let current: unknown = settings;
  for (const part of VALIDATION_SECTION.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

export function toValidationOptions(settings: ValidationSettings): ValidationOptions {
  return { severityOverrides: settings.severity };
}
