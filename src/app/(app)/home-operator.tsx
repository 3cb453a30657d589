import Link from "next/link";
import { ClipboardCheck, CornerDownLeft, ListTodo } from "lucide-react";
import { StatusBadge } from "@/components/dashboard/badges";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { formatDate } from "@/lib/format";
import { getUnitDesk, unitOfRole } from "@/server/queries/home";
import type { HomeProps } from "./page";

const FIRST = 8;

/** The operator's to-do: unanswered questions and answers returned by the TPI. */
export async function HomeOperator({ user, periode }: HomeProps) {
  const unitId = unitOfRole(user, "OPERATOR_OPD");
  const desk = unitId ? await getUnitDesk(user, unitId, periode.id) : null;
  if (!desk?.assessment) {
    return (
      <EmptyState title={`Unit Anda tidak memiliki LKE periode ${periode.year}`}>
        Hubungi admin Bagian Organisasi bila unit Anda seharusnya membangun ZI tahun ini.
      </EmptyState>
    );
  }
  const a = desk.assessment;
  const lke = `/penilaian/${a.id}`;
  const q = (code: string) => `${lke}?q=${encodeURIComponent(code)}`;
  const answered = a.questionCount - a.unanswered.length;
  const pct = a.questionCount ? Math.round((answered / a.questionCount) * 100) : 0;
  const returnedCard = (
    <Card key="returned">
      <CardHeader
        title={
          <span className="inline-flex items-center gap-2">
            <CornerDownLeft className="h-4 w-4 text-amber-600" aria-hidden /> Dikembalikan TPI untuk revisi
          </span>
        }
        description={a.returned.length ? `${a.returned.length} pertanyaan perlu diperbaiki.` : undefined}
      />
      <CardBody data-testid="todo-returned">
        {a.returned.length === 0 ? (
          <p className="text-sm text-slate-500">Tidak ada jawaban yang dikembalikan.</p>
        ) : (
          <ul className="space-y-3">
            {a.returned.map((r) => (
              <li key={r.code} className="text-sm">
                <Link href={q(r.code)} className="font-semibold text-brand-700 hover:underline">
                  {r.code}
                </Link>{" "}
                <span className="text-slate-700">{r.text}</span>
                {r.reason && (
                  <Alert tone="warning" className="mt-1.5">
                    <span className="font-medium">Alasan TPI:</span> {r.reason}
                  </Alert>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
  const unansweredCard = (
    <Card key="unanswered">
      <CardHeader
        title={
          <span className="inline-flex items-center gap-2">
            <ListTodo className="h-4 w-4 text-brand-700" aria-hidden /> Belum dijawab
          </span>
        }
        description={<span data-testid="todo-unanswered-count">{a.unanswered.length} pertanyaan</span>}
      />
      <CardBody>
        {a.unanswered.length === 0 ? (
          <p className="text-sm text-slate-500">Semua pertanyaan sudah dijawab.</p>
        ) : (
          <>
            <ul className="divide-y divide-slate-100" data-testid="todo-unanswered">
              {a.unanswered.slice(0, FIRST).map((r) => (
                <li key={r.code} className="py-2 text-sm">
                  <Link href={q(r.code)} className="font-semibold text-brand-700 hover:underline">
                    {r.code}
                  </Link>{" "}
                  <span className="line-clamp-2 text-slate-700">{r.text}</span>
                </li>
              ))}
            </ul>
            {a.unanswered.length > FIRST && (
              <Link href={lke} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                dan {a.unanswered.length - FIRST} pertanyaan lainnya di LKE
              </Link>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader
          title={`LKE ${desk.unit.name}`}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <StatusBadge status={a.status} />
              {a.due && (
                <span>
                  Tenggat {formatDate(a.due.date)}: {a.due.label}
                </span>
              )}
              {a.overdue && <Badge tone="red">Terlambat</Badge>}
              {a.next && <span data-testid="next-step">Langkah berikutnya: {a.next.label}</span>}
            </span>
          }
          actions={
            <ButtonLink href={lke}>
              <ClipboardCheck className="h-4 w-4" aria-hidden /> Buka LKE
            </ButtonLink>
          }
        />
        <CardBody>
          <div className="flex items-baseline justify-between text-sm">
            <span className="font-medium text-slate-700">Pertanyaan terjawab</span>
            <span className="tabular-nums text-slate-600">
              {answered} dari {a.questionCount} ({pct}%)
            </span>
          </div>
          <div className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
            <div className="h-full bg-brand-600" style={{ width: `${pct}%` }} />
          </div>
          {a.hasilMissing.length > 0 && (
            <p className="mt-3 text-sm text-amber-800">Komponen hasil belum diisi: {a.hasilMissing.join(", ")}.</p>
          )}
          {a.withoutCatatan.length > 0 && (
            <p className="mt-1 text-sm text-amber-800">{a.withoutCatatan.length} jawaban belum diberi catatan.</p>
          )}
        </CardBody>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        {/* Returned answers first: they block the resubmission. */}
        {a.returned.length > 0 ? (
          <>
            {returnedCard}
            {unansweredCard}
          </>
        ) : (
          <>
            {unansweredCard}
            {returnedCard}
          </>
        )}
      </div>
    </div>
  );
}
