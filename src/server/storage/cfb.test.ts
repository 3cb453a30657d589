import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { compoundFile, noise, PPT_VBA_RECORD } from "../../../tests/fixtures/evidence-files";
import { compoundFileKinds } from "./cfb";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "zi-cfb-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function kindsOf(bytes: Buffer) {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}`);
  await writeFile(file, bytes);
  return compoundFileKinds(file);
}

test.each<[string, string[], string[]]>([
  ["Word", ["1Table", "WordDocument", "\u0005SummaryInformation"], ["doc"]],
  ["Excel 97", ["Workbook"], ["xls"]],
  ["Excel 5", ["Book"], ["xls"]],
  ["PowerPoint", ["PowerPoint Document", "Current User"], ["ppt"]],
  ["password-protected OOXML", ["EncryptionInfo", "EncryptedPackage"], ["encrypted"]],
  ["workbook embedding a document, in file order", ["WordDocument", "Workbook"], ["doc", "xls"]],
  ["installer-like streams", ["\u0005SummaryInformation", "䡀㬿䏲䐸䖱"], []],
  ["Word with a VBA project", ["WordDocument", "Macros/", "VBA/", "dir"], ["doc", "macros"]],
  ["Excel with a VBA project", ["Workbook", "_VBA_PROJECT_CUR/", "VBA/"], ["xls", "macros"]],
])("%s", async (_, streams, expected) => {
  expect(await kindsOf(compoundFile(streams))).toEqual(expected);
});

test("PowerPoint with a VBA project record in its document stream", async () => {
  const body = Buffer.concat([noise(512 * 130 - 3), PPT_VBA_RECORD, noise(512)]);
  expect(await kindsOf(compoundFile(["PowerPoint Document", "Current User"], body))).toEqual(["ppt", "macros"]);
  expect(await kindsOf(compoundFile(["PowerPoint Document", "Current User"], noise(512 * 4, 7)))).toEqual(["ppt"]);
});

test("finds a directory sector far into the file", async () => {
  const word = compoundFile(["WordDocument"]);
  const header = word.subarray(0, 512);
  const directory = word.subarray(512, 1024);
  expect(await kindsOf(Buffer.concat([header, noise(512 * 300), directory]))).toEqual(["doc"]);
});

test("ignores a name that is not a stream entry", async () => {
  const bytes = compoundFile(["WordDocument"]);
  bytes[512 + 128 + 0x42] = 1; // a storage, not a stream
  expect(await kindsOf(bytes)).toEqual([]);
});
