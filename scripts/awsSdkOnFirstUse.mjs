// An esbuild plugin for the extension's bundle: the one file that imports the AWS SDK's values
// (common/src/aws/sdk.ts) becomes a stand-in whose exports require dist/aws-sdk.js (that file,
// bundled on its own) on first use, so activation never reads the SDK.
import * as esbuild from 'esbuild';

export const SDK_GATEWAY = 'common/src/aws/sdk.ts';

/** The names the gateway exports, read by esbuild from its source. */
async function gatewayExports(path) {
  const result = await esbuild.build({ entryPoints: [path], bundle: false, format: 'esm', write: false, metafile: true, logLevel: 'silent' });
  return Object.values(result.metafile.outputs)[0].exports;
}

export function awsSdkOnFirstUse() {
  return {
    name: 'aws-sdk-on-first-use',
    setup(build) {
      build.onLoad({ filter: /[\\/]common[\\/]src[\\/]aws[\\/]sdk\.ts$/ }, async (args) => {
        const names = await gatewayExports(args.path);
        const contents = [
          'let sdk;',
          "const load = () => (sdk ??= require('./aws-sdk.js'));",
          ...names.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`),
        ].join('\n');
        return { contents, loader: 'js' };
      });
      // Required at run time from beside dist/extension.js, not bundled.
      build.onResolve({ filter: /^\.\/aws-sdk\.js$/ }, (args) => ({ path: args.path, external: true }));
    },
  };
}
