// The one place that relies on the yaml library beyond its documented API, for the fast
// block-YAML parser (blockYaml.ts, blockYamlScalars.ts), which builds the library's own nodes:
// - a `Document` made as the library's composer makes one, through the `_directives` option
//   (marked internal in yaml's types);
// - the schema's scalar tags with their `test` patterns, `resolve` functions and `default`
//   flags, which decide how a plain scalar resolves.
// `yaml` is pinned to an exact version in package.json; test/common/language/yamlInternals.test.ts
// fails, naming this file, when an upgrade changes any of this. Everything else uses the public API.
import { Composer, Document, type ScalarTag } from 'yaml';

/** The options the server parses with (the library's own duplicate-key check is off: ours is linear). */
export const DEPLOYER_PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error' } as const;

/** The version of `yaml` this adapter was checked against (package.json pins the same). */
export const YAML_VERSION_RELIED_ON = '2.9.1';

export type StreamDirectives = ReturnType<Composer['streamInfo']>['directives'];

/** The stream's directives, which every document of a stream starts from. */
export function streamDirectives(): StreamDirectives {
  return new Composer(DEPLOYER_PARSE_OPTIONS).streamInfo().directives;
}

/** A document as the library's composer starts one: options, the stream's directives, the schema. */
export function newParsedDocument(directives: StreamDirectives, afterMarker: boolean): Document.Parsed {
  const doc = new Document(undefined, { _directives: directives, ...DEPLOYER_PARSE_OPTIONS }) as Document.Parsed;
  if (afterMarker) doc.directives.docStart = true;
  return doc;
}

/** A scalar tag that resolves plain scalars matching its `test`. */
export type TestedTag = ScalarTag & { test: RegExp };

/** The tags that resolve plain scalars in `doc`'s schema, in the schema's order (first match wins). */
export function plainScalarTags(doc: Document.Parsed): TestedTag[] {
  return doc.schema.tags.filter((tag): tag is TestedTag => !tag.collection && tag.test instanceof RegExp && (tag.default === true || tag.default === 'key'));
}
