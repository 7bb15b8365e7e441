// An esbuild plugin for the bundles: common/src/domain/compiledSchema.ts, which compiles the
// schema's validator with Ajv at run time, becomes Ajv's standalone code for the same validator,
// generated here from the same Ajv options (common/src/domain/schemaAjv.ts) and the same schema.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs the project's own Ajv setup and schema (TypeScript) once, here, to generate the validator's code. */
async function generateValidatorCode() {
  const loader = await esbuild.build({
    stdin: {
      contents: "export { createSchemaAjv } from './common/src/domain/schemaAjv'; export { SCHEMA } from './common/src/domain/schemaFacts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    external: ['ajv'],
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', loader.outputFiles[0].text)(module, module.exports, require);
  const { createSchemaAjv, SCHEMA } = module.exports;
  const ajv = createSchemaAjv({ code: { source: true } });
  return standaloneCode.default(ajv, ajv.compile(SCHEMA));
}

// What the generated code depends on: `npm run watch` regenerates it when one of them changes.
const inputs = ['schemas/zenml.deployer.schema.json', 'common/src/domain/schemaAjv.ts', 'common/src/domain/schemaFacts.ts'].map((file) => fileURLToPath(new URL(`../${file}`, import.meta.url)));

export function precompiledSchema() {
  return {
    name: 'precompiled-schema-validator',
    setup(build) {
      build.onLoad({ filter: /[\\/]common[\\/]src[\\/]domain[\\/]compiledSchema\.ts$/ }, async () => {
        const code = await generateValidatorCode();
        // Ajv's code is a CommonJS module exporting the validator. It runs on the first call, not
        // when the bundle loads (its schema constants are most of its size), as Ajv's compile did.
        const contents = [
          'let validate;',
          'function generated() {',
          '  const module = { exports: {} };',
          `  (function (module) {\n${code}\n  })(module);`,
          '  return module.exports;',
          '}',
          'module.exports = { compileSchemaValidator: () => (validate ??= generated()) };',
        ].join('\n');
        return { contents, loader: 'js', resolveDir: root, watchFiles: inputs };
      });
    },
  };
}
