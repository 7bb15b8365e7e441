// The SDK's TypeScript shapes describe values after deserialisation (Date, Uint8Array). On the
// wire AWS JSON carries timestamps as numbers and blobs as base64 strings: `Wire<T>` maps an SDK
// type to what the emulator must write, so responses are checked against the SDK's own types.
export type Wire<T> = T extends Date
  ? number
  : T extends Uint8Array
    ? string
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;
