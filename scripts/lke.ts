/**
 * LKE workbook command line:
 *   npm run --silent lke -- import-xlsx FILE.xlsx        answers read from a Lampiran III workbook, as `npm run score` input
 *   npm run --silent lke -- export-xlsx IN.json OUT.xlsx  the workbook of a scorer-format input
 * Anything it cannot read: exit code 2, one line on stderr, nothing on stdout. Rows it read with trouble
 * (unknown option, missing count) are reported on stderr as warnings; the answers still print (exit 0).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatValidationError, parseScoringRequest } from "../src/domain/scoring/validate.ts";
import { writeLkeXlsx } from "../src/server/lke-xlsx/export.ts";
import { LkeImportError, readLkeXlsx } from "../src/server/lke-xlsx/import.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface LkeCliIo {
  readFile: (file: string) => Promise<Buffer>;
  writeFile: (file: string, data: Buffer) => Promise<void>;
}

const USAGE = "penggunaan: npm run --silent lke -- import-xlsx BERKAS.xlsx | export-xlsx MASUKAN.json KELUARAN.xlsx";

const fail = (field: string, message: string): CliResult => ({
  code: 2,
  stdout: "",
  stderr: `${formatValidationError({ field, message })}\n`,
});

const defaultIo: LkeCliIo = { readFile: (file) => readFile(file), writeFile: (file, data) => writeFile(file, data) };

async function read(io: LkeCliIo, file: string): Promise<Buffer | CliResult> {
  try {
    return await io.readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return fail("berkas", `${file} tidak dapat dibaca (${reason})`);
  }
}

export async function runLkeCli(argv: readonly string[], io: LkeCliIo = defaultIo): Promise<CliResult> {
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  const [command, ...files] = args;
  if (command === "import-xlsx") {
    if (files.length !== 1) return fail("argumen", `import-xlsx perlu tepat satu berkas .xlsx (${USAGE})`);
    const bytes = await read(io, files[0]);
    if (!Buffer.isBuffer(bytes)) return bytes;
    let imported;
    try {
      imported = await readLkeXlsx(bytes);
    } catch (error) {
      if (error instanceof LkeImportError) return fail(files[0], error.message);
      throw error;
    }
    const request = {
      catalogue: imported.catalogueId,
      answers: imported.answers,
      hasil: imported.hasil,
      ...(imported.zeroBase ? { zeroBase: imported.zeroBase } : {}),
    };
    // What is printed must be what the scorer accepts.
    const checked = parseScoringRequest(request);
    if (!checked.ok) return fail(checked.field, checked.message);
    const warnings = imported.problems.map((p) => `peringatan: ${p.message}`.replace(/\s+/g, " ")).join("\n");
    return { code: 0, stdout: `${JSON.stringify(request, null, 2)}\n`, stderr: warnings ? `${warnings}\n` : "" };
  }
  if (command === "export-xlsx") {
    if (files.length !== 2)
      return fail("argumen", `export-xlsx perlu berkas JSON masukan dan berkas .xlsx keluaran (${USAGE})`);
    const bytes = await read(io, files[0]);
    if (!Buffer.isBuffer(bytes)) return bytes;
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString("utf8"));
    } catch (error) {
      return fail("input", `JSON tidak valid (${(error as Error).message})`);
    }
    const request = parseScoringRequest(json);
    if (!request.ok) return fail(request.field, request.message);
    const { catalogue, answers, hasil, zeroBase } = request.value;
    const out = await writeLkeXlsx({ catalogue, zeroBase, self: { answers, hasil } });
    try {
      await io.writeFile(files[1], out);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return fail("keluaran", `${files[1]} tidak dapat ditulis (${reason})`);
    }
    return { code: 0, stdout: "", stderr: "" };
  }
  return fail("perintah", `${command ? `"${command}" tidak dikenal` : "tidak ada perintah"} (${USAGE})`);
}

async function main() {
  const result = await runLkeCli(process.argv.slice(2));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

if (process.argv[1] && /^lke\.(ts|js|mjs)$/.test(path.basename(process.argv[1]))) {
  void main();
}
