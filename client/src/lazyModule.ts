// A module loaded on first use and kept: what activation does not need (the AWS SDK and the code
// that uses it) is evaluated when a feature first needs it, not when VS Code reads the bundle.
// A module reached only through `import()` is built into the one chunk of deferred modules
// (scripts/oneDeferredChunk.mjs), which nothing reads from disk before the first such call.

export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    // A failed load (a broken install) is tried again next time rather than remembered.
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };
}
