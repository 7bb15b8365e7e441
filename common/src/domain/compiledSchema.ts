// The schema's validator, compiled by Ajv when this runs from source (the tests). Every bundle
// gets this module replaced by the same validator generated at build time as Ajv's standalone
// code (esbuild.mjs), so the language server and the CLI carry no schema compiler and the first
// file they check does not wait about 110 ms for one.
import type { ValidateFunction } from 'ajv';
import { createSchemaAjv } from './schemaAjv';
import { SCHEMA } from './schemaFacts';

export function compileSchemaValidator(): ValidateFunction {
  return createSchemaAjv().compile(SCHEMA);
}
