/**
 * Survey index from the command line: `npm run --silent survey -- index <file.json>` (or `-` for standard input).
 * Input `{"scale": [1, 4], "responses": [[4, 3, 4, 4, 3], …]}`; prints `{"n", "index", "elements", "lkeIndex"}`.
 * Invalid input: exit code 2, one line on stderr naming the field, nothing on stdout.
 * The arithmetic lives in src/domain/survey; this file only does I/O.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { computeSurveyIndex, parseSurveyIndexRequest } from "../src/domain/survey/index.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliIo {
  readFile: (file: string) => Promise<string>;
  readStdin: () => Promise<string>;
}

const USAGE = "penggunaan: npm run --silent survey -- index <berkas.json | ->";

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const defaultIo: CliIo = { readFile: (file) => readFile(file, "utf8"), readStdin: readAllStdin };

const inputError = (field: string, message: string): CliResult => ({
  code: 2,
  stdout: "",
  stderr: `${`${field}: ${message}`.replace(/\s+/g, " ")}\n`,
});

export async function runSurveyCli(args: readonly string[], io: CliIo = defaultIo): Promise<CliResult> {
  const rest = args[0] === "--" ? args.slice(1) : args;
  if (rest[0] !== "index" || rest.length !== 2) return inputError("argumen", `perintah tidak dikenal (${USAGE})`);
  const source = rest[1];
  let text: string;
  try {
    text = source === "-" ? await io.readStdin() : await io.readFile(source);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return inputError(source === "-" ? "stdin" : "berkas", `${source} tidak dapat dibaca (${reason})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return inputError("input", `JSON tidak valid (${(error as Error).message})`);
  }
  const request = parseSurveyIndexRequest(json);
  if (!request.ok) return inputError(request.field, request.message);
  const { scale, responses, minRespondents } = request.value;
  const r = computeSurveyIndex(responses, [scale[0], scale[1]], { minRespondents });
  const out = { n: r.n, index: r.index, elements: r.elements, lkeIndex: r.lkeIndex };
  return { code: 0, stdout: `${JSON.stringify(out)}\n`, stderr: "" };
}

async function main() {
  const result = await runSurveyCli(process.argv.slice(2));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

// Run only when executed as a script (not when a test imports runSurveyCli).
if (process.argv[1] && /^survey\.(ts|js|mjs)$/.test(path.basename(process.argv[1]))) {
  void main();
}
