import { fileTypeFromBuffer, fileTypeFromFile, type FileTypeResult } from "file-type";
import { UserError } from "@/server/errors";
import { compoundFileKinds } from "./cfb";

/** A type of evidence file we accept: the MIME type stored and served, and its extensions (first = usual). */
export interface EvidenceType {
  mime: string;
  extensions: readonly string[];
}

const OOXML = "application/vnd.openxmlformats-officedocument";
const ODF = "application/vnd.oasis.opendocument";

/** The allowlist, keyed by the MIME type `file-type` reports for the bytes. */
const DETECTED: Record<string, EvidenceType> = {
  "application/pdf": { mime: "application/pdf", extensions: ["pdf"] },
  "image/jpeg": { mime: "image/jpeg", extensions: ["jpg", "jpeg", "jpe", "jfif"] },
  "image/png": { mime: "image/png", extensions: ["png"] },
  "image/apng": { mime: "image/png", extensions: ["png", "apng"] },
  "image/webp": { mime: "image/webp", extensions: ["webp"] },
  "image/gif": { mime: "image/gif", extensions: ["gif"] },
  [`${OOXML}.wordprocessingml.document`]: { mime: `${OOXML}.wordprocessingml.document`, extensions: ["docx"] },
  [`${OOXML}.spreadsheetml.sheet`]: { mime: `${OOXML}.spreadsheetml.sheet`, extensions: ["xlsx"] },
  [`${OOXML}.presentationml.presentation`]: { mime: `${OOXML}.presentationml.presentation`, extensions: ["pptx"] },
  [`${OOXML}.presentationml.slideshow`]: { mime: `${OOXML}.presentationml.slideshow`, extensions: ["ppsx"] },
  [`${ODF}.text`]: { mime: `${ODF}.text`, extensions: ["odt"] },
  [`${ODF}.spreadsheet`]: { mime: `${ODF}.spreadsheet`, extensions: ["ods"] },
  [`${ODF}.presentation`]: { mime: `${ODF}.presentation`, extensions: ["odp"] },
};

/** Word, Excel and PowerPoint 97–2003: a Compound File (`application/x-cfb`) told apart by its streams. */
const LEGACY_OFFICE = {
  doc: { mime: "application/msword", extensions: ["doc", "dot"] },
  xls: { mime: "application/vnd.ms-excel", extensions: ["xls", "xlt"] },
  ppt: { mime: "application/vnd.ms-powerpoint", extensions: ["ppt", "pps", "pot"] },
} satisfies Record<string, EvidenceType>;

const ACCEPTED = [...Object.values(DETECTED), ...Object.values(LEGACY_OFFICE)];

/** Every MIME type that may be stored, e.g. for an `accept` attribute. */
export const EVIDENCE_MIME_TYPES: readonly string[] = [...new Set(ACCEPTED.map((t) => t.mime))];

/** Every extension of the accepted types, without the dot. */
export const EVIDENCE_EXTENSIONS: readonly string[] = [...new Set(ACCEPTED.flatMap((t) => t.extensions))];

/** How many leading bytes are sniffed before the rest of the upload is read (file-type's own sample size). */
export const SNIFF_BYTES = 4100;

const ACCEPTED_HINT = "Unggah PDF, gambar (JPG/PNG/WebP/GIF) atau dokumen Office.";

function rejected(label: string): UserError {
  return new UserError(`Jenis berkas tidak diterima: ${label}. ${ACCEPTED_HINT}`, undefined, undefined, "UNSUPPORTED");
}

function rejectedDetected(result: FileTypeResult | undefined): UserError {
  if (!result) return rejected("isi berkas tidak dikenali");
  const ext = result.ext.toUpperCase();
  return rejected(result.mime.includes("macroenabled") ? `${ext} (berisi makro)` : ext);
}

export const EMPTY_FILE_MESSAGE = `Berkas kosong. ${ACCEPTED_HINT}`;

export const ENCRYPTED_OFFICE_MESSAGE =
  "Dokumen Office yang dilindungi kata sandi tidak dapat diperiksa. Simpan tanpa kata sandi, lalu unggah kembali.";

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const CFB_MIME = "application/x-cfb";

function isZip(head: Uint8Array) {
  return ZIP_SIGNATURE.every((b, i) => head[i] === b);
}

/**
 * Judges the first bytes of an upload (at least `SNIFF_BYTES`, or the whole file if shorter).
 * Returns the type when the head settles it; "whole-file" when only the complete file can tell
 * (a ZIP whose Office marker lies further in, a Compound File); throws a `UserError` otherwise,
 * so a refused upload is not read to the end.
 */
export async function sniffHead(head: Uint8Array): Promise<EvidenceType | "whole-file"> {
  const result = await fileTypeFromBuffer(head);
  if (result && DETECTED[result.mime]) return DETECTED[result.mime];
  if (result?.mime === CFB_MIME) return "whole-file";
  if (isZip(head) && (!result || result.mime === "application/zip")) return "whole-file";
  throw rejectedDetected(result);
}

function extensionOf(name: string) {
  return /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
}

/**
 * Judges the complete staged file (see `sniffHead`). `originalName` only chooses between legacy
 * Office kinds that the bytes both show (a workbook that embeds a document); it never makes a type
 * acceptable.
 */
export async function sniffFile(file: string, originalName: string): Promise<EvidenceType> {
  const result = await fileTypeFromFile(file);
  if (result && DETECTED[result.mime]) return DETECTED[result.mime];
  if (result?.mime !== CFB_MIME) throw rejectedDetected(result);

  const kinds = await compoundFileKinds(file);
  const office = kinds.filter((k): k is keyof typeof LEGACY_OFFICE => k in LEGACY_OFFICE).map((k) => LEGACY_OFFICE[k]);
  // Macros run code on whoever opens the file; the same document saved without them is accepted.
  if (office.length && kinds.includes("macros")) {
    throw rejected(`${office[0].extensions[0].toUpperCase()} (berisi makro)`);
  }
  if (office.length) {
    const ext = extensionOf(originalName);
    return office.find((t) => t.extensions.includes(ext)) ?? office[0];
  }
  if (kinds.includes("encrypted")) throw new UserError(ENCRYPTED_OFFICE_MESSAGE, undefined, undefined, "UNSUPPORTED");
  throw rejected("berkas OLE selain Word, Excel atau PowerPoint");
}
