"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { FileText, Trash2, UploadCloud, X } from "lucide-react";
import type { ActionResult } from "@/server/actions/define-action";
import { ErrorText } from "@/components/ui/form";
import { cn } from "@/lib/cn";
import { formatBytes, formatDateTimeLocal } from "@/lib/client-format";

export interface EvidenceFile {
  id: string;
  originalName: string;
  size: number;
  mimeType: string;
  uploadedAt: string;
}

interface UploadState {
  id: number;
  name: string;
  progress: number;
  error: string | null;
}

const ACCEPT =
  ".pdf,.jpg,.jpeg,.png,.webp,.gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,application/pdf,image/*";

export type UploadResponse =
  { ok: true; evidence: EvidenceFile; [key: string]: unknown } | { ok: false; error: string };

/** Sends one file as the raw request body, reporting progress (fetch cannot report upload progress). */
function upload(url: string, file: File, onProgress: (fraction: number) => void): Promise<UploadResponse> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        resolve({ ok: false, error: `Unggahan gagal (HTTP ${xhr.status}).` });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: "Koneksi terputus saat mengunggah." });
    xhr.send(file);
  });
}

/**
 * Evidence files of one owner (an LKE answer, a hasil input, a pencanangan event, a rencana aksi):
 * list, download through the app, soft delete, and upload of several files by picking or
 * drag-and-drop, each with a progress bar.
 */
export function EvidenceFiles({
  uploadUrl,
  inputId,
  initial,
  editable,
  maxBytes,
  deleteAction,
  label = "Bukti dukung",
  uploadLabel,
  onUploaded,
}: {
  /** POST endpoint for one file (the raw body). */
  uploadUrl: string;
  inputId: string;
  initial: EvidenceFile[];
  editable: boolean;
  maxBytes: number;
  deleteAction: (input: { evidenceId: string }) => Promise<ActionResult<unknown>>;
  label?: string;
  /** Accessible name of the file input. */
  uploadLabel: string;
  onUploaded?: (response: Extract<UploadResponse, { ok: true }>) => void;
}) {
  const [files, setFiles] = useState(initial);
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const router = useRouter();

  const dismiss = (id: number) => setUploads((u) => u.filter((x) => x.id !== id));

  async function send(list: FileList | File[]) {
    // A new pick replaces the messages of the previous one instead of piling up under it.
    setUploads((u) => u.filter((x) => !x.error));
    let stored = false;
    for (const file of Array.from(list)) {
      const id = ++seq.current;
      const set = (patch: Partial<UploadState>) =>
        setUploads((u) => u.map((x) => (x.id === id ? { ...x, ...patch } : x)));
      setUploads((u) => [...u, { id, name: file.name, progress: 0, error: null }]);
      if (file.size > maxBytes) {
        set({ error: `Berkas terlalu besar: maksimal ${formatBytes(maxBytes)}.` });
        continue;
      }
      const result = await upload(uploadUrl, file, (p) => set({ progress: p }));
      if (!result.ok) {
        set({ error: result.error });
        continue;
      }
      setFiles((f) => [...f, result.evidence]);
      onUploaded?.(result);
      dismiss(id);
      stored = true;
    }
    // Counts elsewhere on the page (area tabs, checklists, home cards) come from the server.
    if (stored) router.refresh();
  }

  function remove(id: string) {
    if (!window.confirm("Hapus berkas ini dari bukti dukung?")) return;
    setError(null);
    start(async () => {
      const result = await deleteAction({ evidenceId: id });
      if (!result.ok) setError(result.error);
      else {
        setFiles((f) => f.filter((x) => x.id !== id));
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-2">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        {label} ({files.length})
      </p>
      {files.length > 0 ? (
        <ul className="space-y-1">
          {files.map((f) => (
            <li
              key={f.id}
              className="flex items-start gap-2 rounded-md bg-slate-50 px-2 py-1.5 text-sm"
              data-testid="evidence-file"
            >
              <FileText className="mt-0.5 h-4 w-4 shrink-0 text-slate-500" aria-hidden />
              {/* The whole name, wrapped: names often differ only at their end ("SK Tim ZI 2025.pdf", "… 2026.pdf"). */}
              <span className="min-w-0 flex-1">
                <a
                  href={`/api/evidence/${f.id}`}
                  target="_blank"
                  rel="noopener"
                  className="break-words text-brand-700 underline decoration-brand-700/30 underline-offset-2 hover:decoration-brand-700 [overflow-wrap:anywhere]"
                  title={f.originalName}
                >
                  {f.originalName}
                </a>
                <span className="block text-xs text-slate-600">
                  {formatBytes(f.size)} · {formatDateTimeLocal(f.uploadedAt)}
                </span>
              </span>
              {editable && (
                <button
                  type="button"
                  onClick={() => remove(f.id)}
                  disabled={pending}
                  className="shrink-0 rounded p-1 text-slate-600 hover:bg-red-50 hover:text-red-700"
                  aria-label={`Hapus ${f.originalName}`}
                >
                  <Trash2 className="h-4 w-4" aria-hidden />
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">Belum ada berkas.</p>
      )}
      <ErrorText message={error} />
      {uploads.map((u) => (
        <div
          key={u.id}
          className={cn(
            "rounded-md border px-2 py-1.5 text-xs",
            u.error ? "border-red-200 bg-red-50" : "border-slate-200",
          )}
          role={u.error ? "alert" : "status"}
          data-testid={u.error ? "upload-error" : undefined}
        >
          <div className="flex items-start gap-2">
            <p className="min-w-0 flex-1 font-medium text-slate-700 [overflow-wrap:anywhere]">{u.name}</p>
            {u.error && (
              <button
                type="button"
                onClick={() => dismiss(u.id)}
                className="-m-0.5 shrink-0 rounded p-0.5 text-red-700 hover:bg-red-100"
                aria-label={`Tutup pesan untuk ${u.name}`}
              >
                <X className="h-3.5 w-3.5" aria-hidden />
              </button>
            )}
          </div>
          {u.error ? (
            <p className="mt-0.5 font-medium text-red-700">{u.error}</p>
          ) : (
            <div
              className="mt-1 h-1.5 overflow-hidden rounded bg-slate-100"
              role="progressbar"
              aria-label={`Mengunggah ${u.name}`}
              aria-valuenow={Math.round(u.progress * 100)}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <div
                className="h-full bg-brand-500 transition-all"
                style={{ width: `${Math.round(u.progress * 100)}%` }}
              />
            </div>
          )}
        </div>
      ))}
      {editable && (
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            if (e.dataTransfer.files.length) void send(e.dataTransfer.files);
          }}
          // The file input itself is visually hidden: the zone shows its keyboard focus instead.
          className={cn(
            "flex flex-wrap items-center gap-2 rounded-md border border-dashed px-3 py-2 text-xs text-slate-600 has-[input:focus-visible]:border-solid has-[input:focus-visible]:border-brand-500 has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-brand-500/60",
            dragging ? "border-brand-500 bg-brand-50" : "border-slate-300",
          )}
          data-testid="evidence-dropzone"
        >
          <UploadCloud className="h-4 w-4 text-slate-500" aria-hidden />
          <span>Seret berkas ke sini atau</span>
          <label htmlFor={inputId} className="cursor-pointer font-medium text-brand-700 underline">
            pilih berkas
          </label>
          <input
            id={inputId}
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            className="sr-only"
            aria-label={uploadLabel}
            onChange={(e) => {
              if (e.target.files?.length) void send(e.target.files);
              e.target.value = "";
            }}
          />
          <span className="w-full text-slate-600">
            PDF, gambar atau dokumen Office, maks. {formatBytes(maxBytes)} per berkas.
          </span>
        </div>
      )}
    </div>
  );
}
