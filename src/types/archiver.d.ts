// archiver 8 ships ESM without type declarations (and @types/archiver describes the older API): the part we use.
declare module "archiver" {
  import type { Readable, Transform } from "node:stream";

  export interface EntryData {
    name: string;
    date?: Date;
  }

  export class ZipArchive extends Transform {
    constructor(options?: { zlib?: { level?: number }; store?: boolean; comment?: string });
    append(source: Readable | Buffer | string, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
    pointer(): number;
  }
}
