import { createId } from "@/server/ids";

// Lower-case segments of letters, digits, "_" and "-" joined by "/": no dots, no empty segment.
const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;
const MAX_KEY_LENGTH = 200;

/** Storage keys are made by the app; anything else reaching a storage is a bug, never a path. */
export function checkKey(key: string): void {
  if (key.length > MAX_KEY_LENGTH || !KEY.test(key))
    throw new Error(`Kunci penyimpanan tidak sah: ${JSON.stringify(key)}`);
}

/** A fresh key, optionally under a prefix such as the instansi id (`<prefix>/<id>`). */
export function newStorageKey(prefix?: string): string {
  const key = prefix ? `${prefix.toLowerCase()}/${createId()}` : createId();
  checkKey(key);
  return key;
}
