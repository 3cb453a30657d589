import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { checkKey, newStorageKey } from "./keys";
import { S3Storage } from "./s3";
import { LocalStorage, storageFromEnv } from "./storage";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "zi-storage-"));
  vi.stubEnv("DATA_DIR", dir);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

const bytes = Buffer.from("%PDF-1.4\nisi bukti\n%%EOF\n");
const meta = { size: bytes.length, contentType: "application/pdf" };

describe("storage keys", () => {
  test.each(["abc", "cinstansi/cabc123", "a_b-c/d", "x".repeat(200)])("accepts %j", (key) => {
    expect(() => checkKey(key)).not.toThrow();
  });

  test.each([
    "",
    "../x",
    "a/../b",
    "a/./b",
    "a.pdf",
    "A",
    "/a",
    "a/",
    "a//b",
    "a\\b",
    "a\u0000b",
    "-a",
    "x".repeat(201),
    "a b",
  ])("refuses %j", (key) => {
    expect(() => checkKey(key)).toThrow("Kunci penyimpanan tidak sah");
  });

  test("new keys are valid, unique and take a prefix", () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newStorageKey()));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(() => checkKey(key)).not.toThrow();
    expect(newStorageKey("cInstansi01")).toMatch(/^cinstansi01\/c[a-z0-9]+$/);
    expect(() => newStorageKey("../etc")).toThrow("Kunci penyimpanan tidak sah");
  });
});

describe("LocalStorage", () => {
  test("puts, reads, finds and discards a file under its root", async () => {
    const storage = new LocalStorage(path.join(dir, "evidence"));
    await storage.put("cinst/cfile", Readable.from([bytes]), meta);

    expect(await readFile(path.join(dir, "evidence", "cinst", "cfile"))).toEqual(bytes);
    expect(await buffer(await storage.get("cinst/cfile"))).toEqual(bytes);
    expect(await storage.exists("cinst/cfile")).toBe(true);
    expect(await storage.exists("cinst")).toBe(false); // a folder is not a stored file

    await storage.discard("cinst/cfile");
    expect(await storage.exists("cinst/cfile")).toBe(false);
    await expect(storage.discard("cinst/cfile")).resolves.toBeUndefined();
  });

  test("refuses a body whose length is not the announced size, and keeps nothing", async () => {
    const storage = new LocalStorage(path.join(dir, "evidence"));
    await expect(storage.put("cfile", Readable.from([bytes]), { ...meta, size: bytes.length - 1 })).rejects.toThrow(
      "seharusnya",
    );
    expect(await readdir(path.join(dir, "evidence"))).toEqual([]);
  });

  test("get of a missing key rejects", async () => {
    const storage = new LocalStorage(path.join(dir, "evidence"));
    await expect(storage.get("cmissing")).rejects.toMatchObject({ code: "ENOENT" });
  });

  test.each(["../outside", "a/../../b", "x.pdf"])("never touches a path built from %j", async (key) => {
    const storage = new LocalStorage(path.join(dir, "evidence"));
    await expect(storage.put(key, Readable.from([bytes]), meta)).rejects.toThrow("Kunci penyimpanan tidak sah");
    await expect(storage.get(key)).rejects.toThrow("Kunci penyimpanan tidak sah");
    await expect(storage.exists(key)).rejects.toThrow("Kunci penyimpanan tidak sah");
    await expect(storage.discard(key)).rejects.toThrow("Kunci penyimpanan tidak sah");
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("storageFromEnv", () => {
  test("local disk under DATA_DIR/evidence when S3_BUCKET is unset", async () => {
    const storage = storageFromEnv({});
    expect(storage).toBeInstanceOf(LocalStorage);
    await storage.put("cfile", Readable.from([bytes]), meta);
    expect(await readFile(path.join(dir, "evidence", "cfile"))).toEqual(bytes);
  });

  test("S3 when S3_BUCKET is set", () => {
    expect(storageFromEnv({ S3_BUCKET: "bukti-dukung" })).toBeInstanceOf(S3Storage);
  });

  test("an empty S3_BUCKET means local", () => {
    expect(storageFromEnv({ S3_BUCKET: " " })).toBeInstanceOf(LocalStorage);
  });
});
