// The part of fs-native-extensions (npm; OS file locks with prebuilt binaries) the data-folder lock uses; it ships no types.
declare module 'fs-native-extensions' {
  /** An exclusive (or shared) lock on an open file, without waiting: false when another holder has it. */
  export function tryLock(fd: number, options?: { shared?: boolean }): boolean
}
