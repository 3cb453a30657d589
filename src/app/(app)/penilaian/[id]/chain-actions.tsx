"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import * as Dialog from "@radix-ui/react-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/form";
import {
  approveAssessmentAction,
  finalizeAssessmentAction,
  reopenAssessmentAction,
  returnAssessmentAction,
  sendBackAssessmentAction,
  submitAssessmentAction,
} from "@/server/actions/lke-chain";
import type { ActionResult } from "@/server/actions/define-action";
import type { AssessmentView } from "@/server/queries/assessments";

type Missing = { code: string; areaId: string | null }[];

/** The moves along the review chain this user may make now, each confirmed, with the reasons they are refused. */
export function ChainActions({ view }: { view: AssessmentView }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Missing | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function run(label: string, call: () => Promise<ActionResult<unknown>>, confirm?: string) {
    if (confirm && !window.confirm(confirm)) return;
    setError(null);
    setMissing(null);
    setDone(null);
    start(async () => {
      const result = await call();
      if (!result.ok) {
        setError(Object.values(result.fieldErrors ?? {})[0] ?? result.error);
        const details = result.details as { missing?: string[] } | undefined;
        if (details?.missing) setMissing(details.missing.map((code) => ({ code, areaId: view.questionAreas[code] ?? null })));
        return;
      }
      setDone(label);
      router.refresh();
    });
  }

  const id = view.id;
  const buttons = [
    view.can.submit && (
      <Button key="submit" disabled={pending} onClick={() => run("LKE diajukan ke TPI.", () => submitAssessmentAction({ assessmentId: id }), "Ajukan LKE ke TPI? Setelah diajukan, jawaban unit terkunci.")}>
        Ajukan ke TPI
      </Button>
    ),
    view.can.review && (
      <Button
        key="return"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          run(
            view.fillOpen ? "LKE dikembalikan ke unit." : "LKE dikembalikan ke unit. Masa pengisian unit sudah ditutup: minta Bagian Organisasi membukanya kembali agar unit dapat merevisi.",
            () => returnAssessmentAction({ assessmentId: id }),
            view.fillOpen
              ? "Kembalikan pertanyaan yang ditandai ke unit untuk direvisi?"
              : "Kembalikan pertanyaan yang ditandai ke unit? Masa pengisian unit sudah ditutup, jadi unit baru dapat merevisi setelah Bagian Organisasi membuka kembali pengisiannya.",
          )
        }
      >
        Kembalikan untuk revisi
      </Button>
    ),
    view.can.finalize && (
      <Button key="finalize" disabled={pending} onClick={() => run("Penilaian TPI difinalkan.", () => finalizeAssessmentAction({ assessmentId: id }), "Finalkan penilaian TPI? Setelah final, pimpinan dapat menyetujui usulan.")}>
        Finalkan penilaian
      </Button>
    ),
    view.can.approve && (
      <Button key="approve" disabled={pending} onClick={() => run("Usulan ke PMPZI disetujui.", () => approveAssessmentAction({ assessmentId: id }), "Setujui usulan unit ini ke KemenPANRB melalui PMPZI?")}>
        Setujui usulan ke PMPZI
      </Button>
    ),
    view.can.approve && <ReasonDialog key="sendback" title="Kembalikan ke TPI" label="Alasan" pending={pending} onSubmit={(reason) => run("LKE dikembalikan ke TPI.", () => sendBackAssessmentAction({ assessmentId: id, reason }))} />,
    view.can.reopen && <ReopenDialog key="reopen" view={view} pending={pending} onSubmit={(until, reason) => run(until ? "Pengisian dibuka kembali." : "Pengisian ditutup kembali.", () => reopenAssessmentAction({ assessmentId: id, until, reason }))} />,
  ].filter(Boolean);

  // After a move the buttons may all be gone; the confirmation stays.
  if (buttons.length === 0 && !done && !error) return null;
  return (
    <div className="no-print flex max-w-full flex-col items-stretch gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2 sm:justify-end">{buttons}</div>
      {done && (
        <p role="status" className="text-sm font-medium text-emerald-700">
          {done}
        </p>
      )}
      {error && (
        <Alert tone="error" className="max-w-xl">
          <p>{error}</p>
          {missing && missing.length > 0 && (
            <div className="mt-2">
              <p className="font-medium">Yang belum lengkap ({missing.length}):</p>
              <ul className="mt-1 flex max-h-40 flex-wrap gap-1 overflow-y-auto" aria-label="Daftar yang belum lengkap">
                {missing.map((m) => (
                  <li key={m.code}>
                    {m.areaId ? (
                      <Link href={`?area=${encodeURIComponent(m.areaId)}&q=${m.code}`} className="rounded bg-white px-1.5 py-0.5 text-xs font-medium text-red-700 ring-1 ring-red-200 hover:underline">
                        {m.code}
                      </Link>
                    ) : (
                      <Link href="?area=HASIL" className="rounded bg-white px-1.5 py-0.5 text-xs font-medium text-red-700 ring-1 ring-red-200 hover:underline">
                        {m.code}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Alert>
      )}
    </div>
  );
}

function ReasonDialog({ title, label, pending, onSubmit }: { title: string; label: string; pending: boolean; onSubmit: (reason: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" disabled={pending}>
          {title}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(32rem,92vw)] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-5 shadow-xl" aria-describedby={undefined}>
          <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
          <Field label={label} htmlFor="chain-reason">
            <Textarea id="chain-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
          </Field>
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">Batal</Button>
            </Dialog.Close>
            <Button
              onClick={() => {
                onSubmit(reason);
                setOpen(false);
              }}
            >
              Kirim
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ReopenDialog({ view, pending, onSubmit }: { view: AssessmentView; pending: boolean; onSubmit: (until: string | null, reason: string) => void }) {
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState(view.reopenedUntil ?? "");
  const [reason, setReason] = useState(view.reopenReason ?? "");
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" disabled={pending}>
          {view.reopenedUntil ? "Atur pembukaan pengisian" : "Buka kembali pengisian"}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(32rem,92vw)] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-5 shadow-xl" aria-describedby={undefined}>
          <Dialog.Title className="text-base font-semibold">Buka kembali pengisian LKE {view.unit.shortName}</Dialog.Title>
          <p className="text-sm text-slate-600">Di luar jadwal pengisian, unit hanya dapat mengubah jawabannya sampai tanggal ini.</p>
          <Field label="Dibuka sampai" htmlFor="reopen-until">
            <Input id="reopen-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          </Field>
          <Field label="Alasan" htmlFor="reopen-reason">
            <Textarea id="reopen-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </Field>
          <div className="flex flex-wrap justify-end gap-2">
            {view.reopenedUntil && (
              <Button
                variant="danger"
                onClick={() => {
                  onSubmit(null, "");
                  setOpen(false);
                }}
              >
                Tutup pengisian
              </Button>
            )}
            <Dialog.Close asChild>
              <Button variant="secondary">Batal</Button>
            </Dialog.Close>
            <Button
              onClick={() => {
                onSubmit(until || null, reason);
                setOpen(false);
              }}
            >
              Simpan
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
