// A module loaded on first use and kept: what activation does not need (the AWS SDK and the code
// that uses it) is evaluated when a feature first needs it, not when VS Code reads the bundle.
// esbuild keeps a module reached only through `import()` out of the bundle's start-up path.

export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    // A failed load (a broken install) is tried again next time rather than remembered.
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };
}
