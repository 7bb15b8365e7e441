// Checks a request body against the operation's input shape from the generated API model, the way
// AWS's front end does before any handler runs: JSON types (SerializationException), then
// required members, lengths, ranges, patterns and enums, reported together in AWS's wording
// ("2 validation errors detected: Value 'x' at 'serviceName' failed to satisfy constraint: ...").
import { AwsError } from './protocol';
import type { ServiceModel, ShapeSpec } from './modelTypes';

export type JsonObject = Record<string, unknown>;

const compiledPatterns = new Map<string, RegExp>();

function patternRegExp(pattern: string): RegExp {
  let regExp = compiledPatterns.get(pattern);
  if (!regExp) {
    // The models' patterns are matched against the whole value (Java's `matches()`), not searched.
    regExp = new RegExp(`^(?:${pattern})$`, pattern.includes('\\p{') ? 'u' : '');
    compiledPatterns.set(pattern, regExp);
  }
  return regExp;
}

/** AWS names members in validation messages in lowerCamelCase: `ServiceName` -> `serviceName`. */
function pathSegment(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

function describeValue(value: unknown, sensitive: boolean): string {
  if (sensitive) return 'Value';
  if (value === undefined || value === null) return 'Value null';
  return `Value '${typeof value === 'string' ? value : JSON.stringify(value)}'`;
}

class InputChecker {
  readonly errors: string[] = [];

  constructor(private readonly model: ServiceModel) {}

  check(shapeName: string, value: unknown, path: string): void {
    const shape = this.model.shapes[shapeName];
    if (!shape) throw new Error(`model ${this.model.id} has no shape ${shapeName}`);
    this.checkType(shape, value, path);
    switch (shape.type) {
      case 'structure':
        return this.checkStructure(shape, value as JsonObject, path);
      case 'list':
        this.checkSize(shape, (value as unknown[]).length, value, path, 'length');
        (value as unknown[]).forEach((item, index) => this.check(shape.member, item, `${path}.${index + 1}.member`));
        return;
      case 'map': {
        const entries = Object.entries(value as JsonObject);
        this.checkSize(shape, entries.length, value, path, 'length');
        for (const [key, item] of entries) {
          this.check(shape.key, key, `${path}.${key}.key`);
          this.check(shape.value, item, `${path}.${key}.value`);
        }
        return;
      }
      case 'string': {
        const text = value as string;
        const sensitive = shape.sensitive === true;
        this.checkSize(shape, [...text].length, text, path, 'length', sensitive);
        if (shape.pattern !== undefined && !patternRegExp(shape.pattern).test(text)) {
          this.fail(text, path, `Member must satisfy regular expression pattern: ${shape.pattern}`, sensitive);
        }
        if (shape.enum && !shape.enum.includes(text)) {
          this.fail(text, path, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`, sensitive);
        }
        return;
      }
      case 'integer':
      case 'long':
      case 'float':
      case 'double':
        this.checkSize(shape, value as number, value, path, 'value');
        return;
      case 'blob':
        this.checkSize(shape, Buffer.from(value as string, 'base64').length, value, path, 'length', shape.sensitive === true);
        return;
      case 'boolean':
      case 'timestamp':
        return;
    }
  }

  private checkStructure(shape: Extract<ShapeSpec, { type: 'structure' }>, value: JsonObject, path: string): void {
    for (const member of Object.keys(value)) {
      if (!(member in shape.members)) {
        // AWS's JSON front ends refuse members that are not in the model; the SDKs never send them.
        throw new AwsError('SerializationException', `Unrecognized field "${member}"${path ? ` at '${path}'` : ''}, not marked as ignorable`);
      }
    }
    for (const [member, memberShape] of Object.entries(shape.members)) {
      const memberPath = path ? `${path}.${pathSegment(member)}` : pathSegment(member);
      const memberValue = value[member];
      if (memberValue === undefined || memberValue === null) {
        if (shape.required?.includes(member)) this.fail(null, memberPath, 'Member must not be null');
        continue;
      }
      this.check(memberShape, memberValue, memberPath);
    }
  }

  private checkSize(
    shape: { min?: number; max?: number },
    size: number,
    value: unknown,
    path: string,
    what: 'length' | 'value',
    sensitive = false,
  ): void {
    if (shape.min !== undefined && size < shape.min) {
      this.fail(value, path, `Member must have ${what} greater than or equal to ${shape.min}`, sensitive);
    }
    if (shape.max !== undefined && size > shape.max) {
      this.fail(value, path, `Member must have ${what} less than or equal to ${shape.max}`, sensitive);
    }
  }

  private checkType(shape: ShapeSpec, value: unknown, path: string): void {
    const where = path ? ` at '${path}'` : '';
    const refuse = (expected: string): never => {
      throw new AwsError('SerializationException', `Expected ${expected}${where}, found ${jsonTypeName(value)}`);
    };
    switch (shape.type) {
      case 'structure':
      case 'map':
        if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse('an object');
        return;
      case 'list':
        if (!Array.isArray(value)) refuse('an array');
        return;
      case 'string':
      case 'blob':
        if (typeof value !== 'string') refuse('a string');
        return;
      case 'boolean':
        if (typeof value !== 'boolean') refuse('a boolean');
        return;
      case 'integer':
      case 'long':
        if (typeof value !== 'number' || !Number.isInteger(value)) refuse('an integer');
        return;
      case 'float':
      case 'double':
      case 'timestamp':
        if (typeof value !== 'number' || !Number.isFinite(value)) refuse('a number');
        return;
    }
  }

  private fail(value: unknown, path: string, constraint: string, sensitive = false): void {
    this.errors.push(`${describeValue(value, sensitive)} at '${path}' failed to satisfy constraint: ${constraint}`);
  }
}

function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Validates `input` against the operation's input shape. Throws SerializationException for JSON
 * type mismatches and `validationErrorCode` (the service's own exception) for constraint
 * violations, listing every violation as AWS does.
 */
export function validateInput(model: ServiceModel, operation: string, input: JsonObject, validationErrorCode: string): void {
  const inputShape = model.operations[operation]?.input;
  if (!inputShape) return;
  const checker = new InputChecker(model);
  checker.check(inputShape, input, '');
  const count = checker.errors.length;
  if (count > 0) {
    throw new AwsError(validationErrorCode, `${count} validation error${count > 1 ? 's' : ''} detected: ${checker.errors.join('; ')}`);
  }
}

/** One AWS-style constraint message for the hand-written checks that the model cannot express. */
export function constraintMessage(path: string, value: unknown, constraint: string): string {
  return `1 validation error detected: ${describeValue(value, false)} at '${path}' failed to satisfy constraint: ${constraint}`;
}
