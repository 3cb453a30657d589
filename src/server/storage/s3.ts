import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { checkKey } from "./keys";
import type { EvidenceStorage, PutOptions } from "./storage";

export interface S3Config {
  bucket: string;
  region: string;
  /** For MinIO and other S3-compatible servers; unset → AWS. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Folder inside the bucket, without leading or trailing "/". */
  prefix: string;
  /** Unset → the SDK's default chain (environment, instance role…). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The S3 settings from the environment, or undefined when `S3_BUCKET` is not set. */
export function s3ConfigFromEnv(env: Partial<Record<string, string>> = process.env): S3Config | undefined {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return undefined;
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error("S3_ACCESS_KEY_ID dan S3_SECRET_ACCESS_KEY harus diisi bersama.");
  }
  return {
    bucket,
    region: env.S3_REGION?.trim() || "us-east-1",
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE?.trim() === "1",
    prefix: (env.S3_PREFIX ?? "").trim().replace(/^\/+|\/+$/g, ""),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
}

/** The SDK's response body as a Node stream (it already is one under Node; web streams are converted). */
function toReadable(body: unknown): Readable {
  if (body instanceof Readable) return body;
  const b = body as { transformToWebStream?: () => unknown; getReader?: unknown } | undefined;
  if (typeof b?.transformToWebStream === "function")
    return Readable.fromWeb(b.transformToWebStream() as NodeWebReadableStream);
  if (typeof b?.getReader === "function") return Readable.fromWeb(b as NodeWebReadableStream);
  throw new Error("Isi objek S3 tidak dapat dibaca sebagai aliran.");
}

/** An S3 bucket (AWS or compatible, e.g. MinIO): one object per key, under the configured prefix. */
export class S3Storage implements EvidenceStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix = "",
  ) {}

  static fromConfig(config: S3Config): S3Storage {
    const client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // Send the body as is with its Content-Length: S3-compatible servers do not all accept the
      // chunked upload with a trailing checksum that the SDK would otherwise use for streams.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    return new S3Storage(client, config.bucket, config.prefix);
  }

  private objectKey(key: string) {
    checkKey(key);
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  async put(key: string, body: Readable, { size, contentType }: PutOptions) {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.objectKey(key),
        Body: body,
        ContentLength: size,
        ContentType: contentType,
      }),
    );
  }

  async get(key: string) {
    const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    return toReadable(result.Body);
  }

  async exists(key: string) {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async discard(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }
}
