import Link from "next/link";
import { StatusBadge } from "@/components/dashboard/badges";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { getReviewQueue } from "@/server/queries/home";
import type { HomeProps } from "./page";

/** The TPI's review queue: its units' LKEs that are submitted or in review. */
export async function HomeTpi({ user, periode }: HomeProps) {
  const queue = await getReviewQueue(user, periode.id);
  return (
    <Card>
      <CardHeader
        title="Antrian reviu"
        description={queue.length ? `${queue.length} LKE menunggu reviu Anda.` : undefined}
        actions={
          <ButtonLink href="/ikhtisar" variant="secondary" size="sm">
            Ikhtisar semua unit
          </ButtonLink>
        }
      />
      {queue.length === 0 ? (
        <CardBody>
          <p className="text-sm text-slate-500" data-testid="review-queue-empty">
            Tidak ada LKE yang menunggu reviu Anda pada periode {periode.year}.
          </p>
        </CardBody>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="review-queue">
          {queue.map((item) => (
            <li key={item.assessmentId} className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-5">
              <div className="min-w-0 flex-1 basis-56">
                <Link href={`/rapor/${item.unitId}`} className="font-medium text-slate-900 hover:underline">
                  {item.name}
                </Link>
                <p className="text-xs text-slate-500">
                  {item.shortName}
                  {item.submittedAt && <> · diajukan {formatDate(item.submittedAt)}</>}
                </p>
              </div>
              <StatusBadge status={item.status} />
              <p className="text-sm text-slate-700" data-testid="unreviewed">
                <span className="font-semibold tabular-nums">{item.unreviewed}</span> dari {item.questionCount}{" "}
                pertanyaan belum direviu
              </p>
              <ButtonLink href={`/penilaian/${item.assessmentId}`} size="sm" aria-label={`Reviu LKE ${item.name}`}>
                Reviu
              </ButtonLink>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
