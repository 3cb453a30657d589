import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { S3Storage, s3ConfigFromEnv } from "./s3";

const bytes = Buffer.from("%PDF-1.4\nisi bukti dukung\n%%EOF\n");

function serviceError(name: string, status: number) {
  return new S3ServiceException({ name, $fault: "client", $metadata: { httpStatusCode: status } });
}

describe("S3Storage (mocked client)", () => {
  const client = new S3Client({ region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "b" } });
  const s3 = mockClient(client);
  const storage = new S3Storage(client, "bukti-dukung", "zi/evidence");

  beforeEach(() => {
    s3.reset();
  });

  test("put sends the bucket, prefixed key, length and type with the body", async () => {
    s3.on(PutObjectCommand).resolves({});
    const body = Readable.from([bytes]);
    await storage.put("cinst/cfile", body, { size: bytes.length, contentType: "application/pdf" });

    const calls = s3.commandCalls(PutObjectCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0].input).toEqual({
      Bucket: "bukti-dukung",
      Key: "zi/evidence/cinst/cfile",
      Body: body,
      ContentLength: bytes.length,
      ContentType: "application/pdf",
    });
  });

  test("without a prefix the key is used as is", async () => {
    s3.on(PutObjectCommand).resolves({});
    await new S3Storage(client, "b").put("cfile", Readable.from([bytes]), {
      size: bytes.length,
      contentType: "image/png",
    });
    expect(s3.commandCalls(PutObjectCommand)[0].args[0].input).toMatchObject({ Bucket: "b", Key: "cfile" });
  });

  test("get streams the object body back (Node stream body)", async () => {
    s3.on(GetObjectCommand, { Bucket: "bukti-dukung", Key: "zi/evidence/cinst/cfile" }).resolves({
      Body: Readable.from([bytes]) as never,
    });
    const stream = await storage.get("cinst/cfile");
    expect(stream).toBeInstanceOf(Readable);
    expect(await buffer(stream)).toEqual(bytes);
  });

  test("get streams the object body back (SDK body exposing a web stream)", async () => {
    s3.on(GetObjectCommand).resolves({ Body: { transformToWebStream: () => new Blob([bytes]).stream() } as never });
    expect(await buffer(await storage.get("cinst/cfile"))).toEqual(bytes);
  });

  test("get of a missing object rejects", async () => {
    s3.on(GetObjectCommand).rejects(serviceError("NoSuchKey", 404));
    await expect(storage.get("cmissing")).rejects.toThrow();
  });

  test("exists: HEAD found, not found, and other errors", async () => {
    s3.on(HeadObjectCommand, { Key: "zi/evidence/cthere" }).resolves({ ContentLength: 3 });
    s3.on(HeadObjectCommand, { Key: "zi/evidence/cgone" }).rejects(serviceError("NotFound", 404));
    s3.on(HeadObjectCommand, { Key: "zi/evidence/cdenied" }).rejects(serviceError("Forbidden", 403));
    expect(await storage.exists("cthere")).toBe(true);
    expect(await storage.exists("cgone")).toBe(false);
    await expect(storage.exists("cdenied")).rejects.toThrow();
  });

  test("discard deletes the prefixed key", async () => {
    s3.on(DeleteObjectCommand).resolves({});
    await storage.discard("cinst/cfile");
    expect(s3.commandCalls(DeleteObjectCommand)[0].args[0].input).toEqual({
      Bucket: "bukti-dukung",
      Key: "zi/evidence/cinst/cfile",
    });
  });

  test("an invalid key never reaches the bucket", async () => {
    await expect(
      storage.put("../x", Readable.from([bytes]), { size: 1, contentType: "application/pdf" }),
    ).rejects.toThrow("Kunci penyimpanan tidak sah");
    await expect(storage.get("a/../b")).rejects.toThrow("Kunci penyimpanan tidak sah");
    expect(s3.calls()).toHaveLength(0);
  });
});

describe("S3Storage over HTTP (a stand-in S3 server)", () => {
  interface Seen {
    method: string;
    url: string;
    headers: IncomingHttpHeaders;
    body: Buffer;
  }
  const seen: Seen[] = [];
  let server: Server;
  let storage: S3Storage;

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = await buffer(req);
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.method === "PUT") return res.writeHead(200, { ETag: '"1"' }).end();
      if (req.method === "GET")
        return res.writeHead(200, { "Content-Type": "application/pdf", "Content-Length": bytes.length }).end(bytes);
      if (req.method === "HEAD") return res.writeHead(404).end();
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const config = s3ConfigFromEnv({
      S3_BUCKET: "bukti-dukung",
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_FORCE_PATH_STYLE: "1",
      S3_ACCESS_KEY_ID: "minioadmin",
      S3_SECRET_ACCESS_KEY: "minioadmin",
      S3_PREFIX: "/zi/",
    });
    storage = S3Storage.fromConfig(config!);
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test("put sends the exact bytes with Content-Length, path-style, signed, not chunk-encoded", async () => {
    seen.length = 0;
    await storage.put("cinst/cfile", Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]), {
      size: bytes.length,
      contentType: "application/pdf",
    });
    expect(seen).toHaveLength(1);
    const [put] = seen;
    expect(put.method).toBe("PUT");
    expect(put.url.split("?")[0]).toBe("/bukti-dukung/zi/cinst/cfile");
    expect(put.headers["content-length"]).toBe(String(bytes.length));
    expect(put.headers["content-type"]).toBe("application/pdf");
    expect(put.headers["content-encoding"] ?? "").not.toContain("aws-chunked");
    expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=minioadmin\//);
    expect(put.body).toEqual(bytes);
  });

  test("get and exists go to the same object", async () => {
    seen.length = 0;
    expect(await buffer(await storage.get("cinst/cfile"))).toEqual(bytes);
    expect(await storage.exists("cinst/cfile")).toBe(false);
    expect(seen.map((s) => `${s.method} ${s.url.split("?")[0]}`)).toEqual([
      "GET /bukti-dukung/zi/cinst/cfile",
      "HEAD /bukti-dukung/zi/cinst/cfile",
    ]);
  });
});

describe("s3ConfigFromEnv", () => {
  test("undefined without S3_BUCKET", () => {
    expect(s3ConfigFromEnv({})).toBeUndefined();
    expect(s3ConfigFromEnv({ S3_ENDPOINT: "http://minio:9000" })).toBeUndefined();
  });

  test("defaults: AWS, us-east-1, virtual-hosted style, no prefix, default credentials", () => {
    expect(s3ConfigFromEnv({ S3_BUCKET: "b" })).toEqual({
      bucket: "b",
      region: "us-east-1",
      endpoint: undefined,
      forcePathStyle: false,
      prefix: "",
      credentials: undefined,
    });
  });

  test("MinIO settings", () => {
    expect(
      s3ConfigFromEnv({
        S3_BUCKET: "bukti",
        S3_ENDPOINT: "http://minio:9000",
        S3_REGION: "ap-southeast-3",
        S3_FORCE_PATH_STYLE: "1",
        S3_ACCESS_KEY_ID: "key",
        S3_SECRET_ACCESS_KEY: "secret",
        S3_PREFIX: "zona-integritas/evidence/",
      }),
    ).toEqual({
      bucket: "bukti",
      region: "ap-southeast-3",
      endpoint: "http://minio:9000",
      forcePathStyle: true,
      prefix: "zona-integritas/evidence",
      credentials: { accessKeyId: "key", secretAccessKey: "secret" },
    });
  });

  test("one credential without the other is a configuration error", () => {
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "b", S3_ACCESS_KEY_ID: "key" })).toThrow("S3_SECRET_ACCESS_KEY");
  });
});
