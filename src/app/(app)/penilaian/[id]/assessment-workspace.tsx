"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { CheckCircle2, FileCheck2 } from "lucide-react";
import type { AssessmentView } from "@/server/queries/assessments";
import type { LiveScores } from "@/server/lke/context";
import { cn } from "@/lib/cn";
import { formatDateTimeLocal } from "@/lib/client-format";
import { LHE_STAGE_LABELS, lheStage } from "@/domain/lhe";
import { HasilSection } from "./hasil-section";
import { QuestionCard } from "./question-card";
import { ScorePanel, ScoreSummaryBar } from "./score-panel";
import { AcceptRemaining } from "./accept-remaining";

interface WorkspaceContext {
  view: AssessmentView;
  maxBytes: number;
  setScores: (scores: LiveScores) => void;
  setDirty: (key: string, dirty: boolean) => void;
}

const Ctx = createContext<WorkspaceContext | null>(null);

export function useWorkspace(): WorkspaceContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("useWorkspace outside AssessmentWorkspace");
  return ctx;
}

const UNSAVED = "Ada jawaban yang belum disimpan. Tinggalkan halaman ini?";

export function AssessmentWorkspace({
  view,
  hasilTab,
  focus,
  maxBytes,
}: {
  view: AssessmentView;
  hasilTab: string;
  focus?: string;
  maxBytes: number;
}) {
  const [scores, setScores] = useState(view.scores);
  const dirty = useRef(new Set<string>());
  const [dirtyCount, setDirtyCount] = useState(0);
  const setDirty = useCallback((key: string, isDirty: boolean) => {
    if (isDirty) dirty.current.add(key);
    else dirty.current.delete(key);
    setDirtyCount(dirty.current.size);
  }, []);

  // Guard unsaved changes when leaving the page: closing or reloading the tab, and any link
  // (the app's own links navigate without unloading the page).
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || dirty.current.size === 0 || link.target === "_blank" || link.hasAttribute("download")) return;
      if (link.getAttribute("href")?.startsWith("#")) return;
      if (!window.confirm(UNSAVED)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, []);

  useEffect(() => {
    if (!focus) return;
    document.getElementById(`q-${focus}`)?.scrollIntoView({ block: "start" });
  }, [focus]);

  const ctx = useMemo(() => ({ view, maxBytes, setScores, setDirty }), [view, maxBytes, setDirty]);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const differences = useMemo(() => new Set(view.differenceCodes), [view.differenceCodes]);
  const activeTab = view.area?.id ?? hasilTab;

  return (
    <Ctx.Provider value={ctx}>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <nav aria-label="Area LKE" className="no-print -mx-3 overflow-x-auto px-3 sm:mx-0 sm:px-0">
            <ul className="flex min-w-max gap-2 sm:flex-wrap sm:min-w-0">
              {view.progress.map((p, i) => (
                <li key={p.id}>
                  <Link
                    href={`?area=${encodeURIComponent(p.id)}`}
                    scroll={false}
                    aria-current={activeTab === p.id ? "page" : undefined}
                    className={cn(
                      "block rounded-md border px-3 py-2 text-left text-xs transition-colors",
                      activeTab === p.id
                        ? "border-brand-600 bg-brand-50 text-brand-900"
                        : "border-slate-200 bg-white text-slate-700 hover:border-brand-300",
                    )}
                  >
                    <span className="block font-semibold">
                      {String.fromCharCode(65 + i)}. {p.name}
                    </span>
                    <span className="mt-0.5 flex items-center gap-3 text-slate-500">
                      <span className="inline-flex items-center gap-1" title="Terjawab">
                        <CheckCircle2 className="h-3 w-3" aria-hidden /> {p.answered}/{p.total}
                      </span>
                      <span className="inline-flex items-center gap-1" title="Dengan bukti dukung">
                        <FileCheck2 className="h-3 w-3" aria-hidden /> {p.evidence}/{p.total}
                      </span>
                      {p.returned > 0 && <span className="font-semibold text-red-700">{p.returned} dikembalikan</span>}
                      {view.can.review && p.unreviewed > 0 && (
                        <span className="font-semibold text-amber-800" data-testid={`unreviewed-${p.id}`}>
                          {p.unreviewed} belum direviu
                        </span>
                      )}
                    </span>
                  </Link>
                </li>
              ))}
              <li>
                <Link
                  href={`?area=${hasilTab}`}
                  scroll={false}
                  aria-current={activeTab === hasilTab ? "page" : undefined}
                  className={cn(
                    "block h-full rounded-md border px-3 py-2 text-xs font-semibold",
                    activeTab === hasilTab
                      ? "border-brand-600 bg-brand-50 text-brand-900"
                      : "border-slate-200 bg-white text-slate-700 hover:border-brand-300",
                  )}
                >
                  Komponen Hasil
                  <span className="mt-0.5 block font-normal text-slate-500">IPAK, IPKP, capaian</span>
                </Link>
              </li>
            </ul>
          </nav>

          <ScoreSummaryBar scores={scores} />
          {dirtyCount > 0 && (
            <p
              role="status"
              className="sticky top-28 z-20 xl:top-16 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              {dirtyCount} jawaban belum disimpan.
            </p>
          )}

          {view.area ? (
            <div className="space-y-6">
              {view.can.review && <AcceptRemaining areaId={view.area.id} areaName={view.area.name} />}
              {view.can.review && (
                <ReviewNavigator
                  focus={focus}
                  onlyDifferences={onlyDifferences}
                  setOnlyDifferences={setOnlyDifferences}
                />
              )}
              {view.area.subAreas.map((sub) => (
                <section key={sub.id} aria-labelledby={`sub-${sub.id}`} className="space-y-4">
                  <h2 id={`sub-${sub.id}`} className="text-lg font-semibold text-slate-900">
                    {sub.kind === "PEMENUHAN" ? "Pemenuhan" : "Reform"}{" "}
                    <span className="text-sm font-normal text-slate-500">
                      · bobot {sub.weight.toLocaleString("id-ID")}
                    </span>
                  </h2>
                  {sub.indicators.map((ind) => (
                    <div key={ind.id} className="space-y-3">
                      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">
                        {ind.id} · {ind.name}{" "}
                        <span className="font-normal normal-case text-slate-500">
                          (bobot {ind.weight.toLocaleString("id-ID")})
                        </span>
                      </h3>
                      {ind.questions
                        .filter((q) => !onlyDifferences || differences.has(q.id))
                        .map((q) => (
                          <QuestionCard
                            key={q.id}
                            question={q}
                            answer={view.answers[q.id]}
                            history={view.history[q.id] ?? []}
                          />
                        ))}
                    </div>
                  ))}
                </section>
              ))}
            </div>
          ) : (
            <HasilSection />
          )}
        </div>
        <aside className="space-y-3 xl:sticky xl:top-20 xl:h-fit">
          <ScorePanel scores={scores} final={view.final} />
          <p className="no-print text-xs text-slate-500">
            Unduh jawaban (format penghitung nilai):{" "}
            <a className="text-brand-700 underline" href={`/api/penilaian/${view.id}/ekspor?lapisan=SELF`}>
              mandiri
            </a>{" "}
            ·{" "}
            <a className="text-brand-700 underline" href={`/api/penilaian/${view.id}/ekspor?lapisan=TPI`}>
              TPI
            </a>
          </p>
          <p className="no-print text-xs text-slate-500">
            <a className="text-brand-700 underline" href={`/api/penilaian/${view.id}/bukti.zip`}>
              Unduh semua bukti dukung (ZIP)
            </a>
          </p>
          {lheStage(view.status) && (
            <p className="no-print text-xs text-slate-500">
              <a className="text-brand-700 underline" href={`/api/penilaian/${view.id}/lhe`} data-testid="lhe-download">
                Unduh LHE TPI (PDF, {LHE_STAGE_LABELS[lheStage(view.status)!]})
              </a>
            </p>
          )}
          {view.lheStageOneAt && lheStage(view.status) !== 1 && (
            <p className="no-print text-xs text-slate-500">
              <a
                className="text-brand-700 underline"
                href={`/api/penilaian/${view.id}/lhe?tahap=1`}
                data-testid="lhe-stage-one-download"
              >
                Unduh LHE TPI tahap I (arsip {formatDateTimeLocal(view.lheStageOneAt)})
              </a>
            </p>
          )}
          <p className="no-print text-xs text-slate-500">
            Unduh LKE Excel (Lampiran III):{" "}
            <a className="text-brand-700 underline" href={`/api/penilaian/${view.id}/xlsx?lapisan=SELF`}>
              mandiri
            </a>{" "}
            ·{" "}
            <a className="text-brand-700 underline" href={`/api/penilaian/${view.id}/xlsx?lapisan=TPI`}>
              TPI
            </a>{" "}
            ·{" "}
            <a className="text-brand-700 underline" href={`/api/penilaian/${view.id}/xlsx?lapisan=BOTH`}>
              keduanya
            </a>
          </p>
          {(view.can.writeSelf || view.can.reopen) && (
            <p className="no-print text-xs">
              <Link className="text-brand-700 underline" href={`/penilaian/${view.id}/impor`}>
                Impor jawaban dari Excel
              </Link>
            </p>
          )}
        </aside>
      </div>
    </Ctx.Provider>
  );
}

/**
 * The TPI's way through the LKE: the next question it has not settled (after the one in focus, in
 * catalogue order) and a filter for the questions where its answer differs from the unit's.
 */
function ReviewNavigator({
  focus,
  onlyDifferences,
  setOnlyDifferences,
}: {
  focus?: string;
  onlyDifferences: boolean;
  setOnlyDifferences: (v: boolean) => void;
}) {
  const { view } = useWorkspace();
  const codes = view.unreviewedCodes;
  const after = focus ? view.questionOrder.indexOf(focus) : -1;
  const next =
    codes.find((c) => view.questionOrder.indexOf(c.code) > after && c.code !== focus) ??
    codes.find((c) => c.code !== focus);
  return (
    <div
      className="no-print flex flex-wrap items-center gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm"
      data-testid="review-navigator"
    >
      {next ? (
        <Link
          href={`?area=${encodeURIComponent(next.areaId)}&q=${next.code}`}
          scroll={false}
          className="font-medium text-brand-700 underline underline-offset-2"
        >
          Berikutnya yang belum direviu: {next.code}
        </Link>
      ) : (
        <span className="text-slate-700">Semua pertanyaan sudah direviu.</span>
      )}
      <span className="text-slate-600">{codes.length} belum direviu di seluruh LKE</span>
      <label className="inline-flex items-center gap-2">
        <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} />
        Hanya yang jawabannya berbeda ({view.differenceCodes.length})
      </label>
    </div>
  );
}
