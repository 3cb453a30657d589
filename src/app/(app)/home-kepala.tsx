import Link from "next/link";
import { CheckCircle2, FileBarChart, Send, XCircle } from "lucide-react";
import { LayerBadge, ReadinessBadge, StatusBadge } from "@/components/dashboard/badges";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { STATUS_LABELS } from "@/domain/review";
import { getCatalogue } from "@/domain/catalogue/registry";
import { formatScore, formatScoreAgainst } from "@/domain/scoring/format";
import { displayThresholds } from "@/domain/scoring/score";
import { formatDate } from "@/lib/format";
import { can } from "@/server/authz";
import { getUnitDesk, unitOfRole } from "@/server/queries/home";
import type { HomeProps } from "./page";

function Verdict({ ok, label }: { ok: boolean; label: string }) {
  return (
    <li className="flex items-center gap-2 text-sm">
      {ok ? (
        <CheckCircle2 className="h-4 w-4 text-emerald-600" aria-hidden />
      ) : (
        <XCircle className="h-4 w-4 text-slate-400" aria-hidden />
      )}
      <span className={ok ? "text-emerald-800" : "text-slate-600"}>
        {label}: {ok ? "memenuhi syarat" : "belum memenuhi syarat"}
      </span>
    </li>
  );
}

/** The head's view: the unit's score and readiness, and whether the LKE can go to the TPI. */
export async function HomeKepala({ user, periode }: HomeProps) {
  const min = displayThresholds(getCatalogue(periode.catalogueId));
  const unitId = unitOfRole(user, "KEPALA_OPD");
  const desk = unitId ? await getUnitDesk(user, unitId, periode.id) : null;
  if (!unitId || !desk?.assessment) {
    return (
      <EmptyState title={`Unit Anda tidak memiliki LKE periode ${periode.year}`}>
        Hubungi admin Bagian Organisasi bila unit Anda seharusnya membangun ZI tahun ini.
      </EmptyState>
    );
  }
  const a = desk.assessment;
  const s = a.score;
  const canSubmit = can(user, "assessment:submit", { instansiId: user.instansiId, unitId });
  const submittable = a.holder === "UNIT";
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader
          title={`Rapor ${desk.unit.name}`}
          description={s ? <LayerBadge layer={s.layer} /> : undefined}
          actions={
            <ButtonLink href={`/rapor/${unitId}`} variant="secondary">
              <FileBarChart className="h-4 w-4" aria-hidden /> Rapor lengkap
            </ButtonLink>
          }
        />
        <CardBody className="space-y-4">
          {s ? (
            <>
              <div className="flex flex-wrap items-end gap-x-6 gap-y-2">
                <div>
                  <p className="text-sm text-slate-600">Nilai total</p>
                  <p className="text-4xl font-semibold tabular-nums text-slate-900" data-testid="home-total">
                    {formatScoreAgainst(s.total, min.total)}
                  </p>
                </div>
                <div className="text-sm text-slate-600">
                  <p>
                    Pengungkit{" "}
                    <span className="font-semibold tabular-nums text-slate-900">
                      {formatScoreAgainst(s.pengungkit, min.pengungkit)}
                    </span>
                  </p>
                  <p>
                    Hasil <span className="font-semibold tabular-nums text-slate-900">{formatScore(s.hasil)}</span>
                  </p>
                </div>
                <ReadinessBadge readiness={s.readiness} />
              </div>
              <ul className="space-y-1">
                <Verdict ok={s.wbkEligible} label="WBK" />
                <Verdict ok={s.wbbmEligible} label="WBBM" />
              </ul>
              {/* WBBM includes WBK: a unit eligible for it has no unmet condition left to show. */}
              {!s.wbbmEligible && (
                <Link
                  href={`/rapor/${unitId}`}
                  className="inline-block text-sm font-medium text-brand-700 hover:underline"
                >
                  Lihat syarat yang belum terpenuhi dan langkah perbaikannya
                </Link>
              )}
            </>
          ) : (
            <p className="text-sm text-slate-500">Nilai belum dihitung.</p>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Pengajuan ke TPI" description={<StatusBadge status={a.status} />} />
        <CardBody className="space-y-3 text-sm" data-testid="submit-readiness">
          {!submittable ? (
            <p className="text-slate-700">
              LKE sudah diajukan; sekarang pada tahap <span className="font-medium">{STATUS_LABELS[a.status]}</span>.
            </p>
          ) : a.submit.allowed ? (
            <Alert tone="success" title="LKE siap diajukan ke TPI">
              Semua pertanyaan sudah dijawab dan diberi catatan, dan komponen hasil sudah diisi.
            </Alert>
          ) : (
            !a.submit.allowed && <Alert tone="warning">{a.submit.reason}</Alert>
          )}
          {submittable && (
            <ul className="space-y-1 text-slate-700">
              <li>
                Belum dijawab: <span className="font-semibold tabular-nums">{a.unanswered.length}</span> dari{" "}
                {a.questionCount} pertanyaan
              </li>
              {a.withoutCatatan.length > 0 && (
                <li>
                  Tanpa catatan: <span className="font-semibold tabular-nums">{a.withoutCatatan.length}</span> jawaban
                </li>
              )}
              {a.returned.length > 0 && (
                <li>
                  Dikembalikan TPI dan belum direvisi:{" "}
                  <span className="font-semibold tabular-nums">{a.returned.length}</span>
                </li>
              )}
              {a.hasilMissing.length > 0 && <li>Komponen hasil belum diisi: {a.hasilMissing.join(", ")}</li>}
            </ul>
          )}
          {a.next && (
            <p className="text-slate-700" data-testid="next-step">
              Langkah berikutnya: {a.next.label}
            </p>
          )}
          {a.due && (
            <p className={a.overdue ? "font-medium text-red-700" : "text-slate-600"}>
              Tenggat {formatDate(a.due.date)}: {a.due.label}
              {a.overdue && " (sudah lewat)"}
            </p>
          )}
          <ButtonLink
            href={`/penilaian/${a.id}`}
            variant={submittable && a.submit.allowed && canSubmit ? "primary" : "secondary"}
          >
            <Send className="h-4 w-4" aria-hidden />{" "}
            {submittable && a.submit.allowed && canSubmit ? "Buka LKE untuk mengajukan" : "Buka LKE"}
          </ButtonLink>
        </CardBody>
      </Card>
    </div>
  );
}
