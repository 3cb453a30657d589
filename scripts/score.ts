/**
 * Command-line scorer: `npm run --silent score -- <file.json>` (or `-` for standard input).
 * Prints the scorecard as JSON on stdout. Invalid input: exit code 2, one line on stderr naming the
 * field, nothing on stdout. All checks and numbers live in src/domain/scoring; this file only does I/O.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { scoreAssessment, summarizeScorecard } from "../src/domain/scoring/score.ts";
import { formatValidationError, parseScoringRequest } from "../src/domain/scoring/validate.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliIo {
  readFile: (file: string) => Promise<string>;
  readStdin: () => Promise<string>;
}

const USAGE = "penggunaan: npm run --silent score -- <berkas.json | ->";

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const defaultIo: CliIo = { readFile: (file) => readFile(file, "utf8"), readStdin: readAllStdin };

const inputError = (field: string, message: string): CliResult => ({
  code: 2,
  stdout: "",
  stderr: `${formatValidationError({ field, message })}\n`,
});

export async function runCli(args: readonly string[], io: CliIo = defaultIo): Promise<CliResult> {
  const files = args[0] === "--" ? args.slice(1) : args;
  if (files.length !== 1) return inputError("argumen", `harus tepat satu berkas JSON atau - (${USAGE})`);
  const source = files[0];
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
  const request = parseScoringRequest(json);
  if (!request.ok) return inputError(request.field, request.message);
  const summary = summarizeScorecard(scoreAssessment(request.value));
  return { code: 0, stdout: `${JSON.stringify(summary, null, 2)}\n`, stderr: "" };
}

async function main() {
  const result = await runCli(process.argv.slice(2));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

// Run only when executed as a script (not when a test imports runCli).
if (process.argv[1] && /^score\.(ts|js|mjs)$/.test(path.basename(process.argv[1]))) {
  void main();
}
