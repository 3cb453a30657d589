/** The longest stored file name, in characters (code points), extension included. */
export const MAX_FILE_NAME_LENGTH = 150;

const FALLBACK_NAME = "berkas";

// C0 and C1 controls, DEL; bidi marks, embeddings, overrides and isolates; the byte-order mark.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

// Half of a UTF-16 surrogate pair without its other half (encodeURIComponent throws on it).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// A trailing ".ext" of 1–10 letters or digits; anything longer is part of the name.
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

function extensionOf(name: string): string {
  return EXTENSION.exec(name)?.[0] ?? "";
}

function truncate(text: string, length: number): string {
  const chars = Array.from(text); // by code point, so a surrogate pair is never split
  return chars.length <= length ? text : chars.slice(0, length).join("");
}

function trimDotsAndSpaces(text: string): string {
  return text.replace(/^[\s.]+|[\s.]+$/g, "");
}

/**
 * The user's file name made harmless to store, show and send back in a download: no directory part,
 * no control or bidi-override characters, single spaces, no leading dots, at most 150 characters with
 * the extension kept. Never empty.
 */
export function safeFileName(name: string): string {
  const base = name.replace(LONE_SURROGATE, "\ufffd").normalize("NFC").split(/[\\/]/).pop() ?? "";
  const cleaned = trimDotsAndSpaces(base.replace(INVISIBLE, "").replace(/\s+/g, " "));
  if (!cleaned) return FALLBACK_NAME;
  if (Array.from(cleaned).length <= MAX_FILE_NAME_LENGTH) return cleaned;

  const ext = extensionOf(cleaned);
  const stem = trimDotsAndSpaces(
    truncate(cleaned.slice(0, cleaned.length - ext.length), MAX_FILE_NAME_LENGTH - ext.length),
  );
  return `${stem || FALLBACK_NAME}${ext}`;
}

/**
 * Makes the name's extension agree with the type found in the bytes, so a download opens in the
 * program that matches its content: `foto.jpeg` holding a PNG becomes `foto.png`, `setup.exe`
 * holding a PDF becomes `setup.exe.pdf`. `accepted` lists the extensions of the detected type,
 * the first being the one to add; `known` lists every extension of the accepted types, which are
 * replaced rather than kept.
 */
export function withExtension(name: string, accepted: readonly string[], known: readonly string[]): string {
  const safe = safeFileName(name);
  const ext = extensionOf(safe);
  const current = ext.slice(1).toLowerCase();
  if (accepted.includes(current)) return safe;
  const stem = ext && known.includes(current) ? safe.slice(0, -ext.length) : safe;
  const wanted = `.${accepted[0]}`;
  return `${trimDotsAndSpaces(truncate(stem, MAX_FILE_NAME_LENGTH - wanted.length)) || FALLBACK_NAME}${wanted}`;
}

// RFC 5987 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~". encodeURIComponent leaves "'()*" as they are.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An ASCII-only stand-in for old clients: accents dropped, anything else outside printable ASCII, `"` and `\` → `_`. */
function asciiFallback(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
}

/**
 * A Content-Disposition header value (RFC 6266) for sending a stored file back: the name is passed
 * through `safeFileName`, given as a quoted ASCII fallback and as RFC 5987 UTF-8.
 */
export function contentDisposition(name: string, disposition: "attachment" | "inline" = "attachment"): string {
  const safe = safeFileName(name);
  return `${disposition}; filename="${asciiFallback(safe)}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
