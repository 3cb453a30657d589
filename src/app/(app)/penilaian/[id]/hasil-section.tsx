"use client";

import { useRef, useState } from "react";
import { Save } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/form";
import { formatIndex } from "@/domain/scoring/format";
import { saveSelfHasilAction, saveTpiHasilAction } from "@/server/actions/lke-answers";
import { takeSurveyIntoSelfHasilAction, takeSurveyIntoTpiHasilAction } from "@/server/actions/survey";
import type { AssessmentView } from "@/server/queries/assessments";
import { useActionForm } from "@/components/forms/use-action-form";
import { selfHasilFormSchema, tpiHasilFormSchema } from "@/server/actions/lke.validation";
import { EvidenceBox } from "./evidence-box";
import { useWorkspace } from "./assessment-workspace";

type HasilRow = AssessmentView["hasil"]["SELF"];

const showIndex = (n: number | null) => (n === null ? "" : formatIndex(n));

/** IPAK and IPKP (survey indices on the catalogue's scale: 2026 0–4, 2021 1–4) and capaian kinerja (A–E), per layer, with their evidence. */
export function HasilSection() {
  const { view } = useWorkspace();
  return (
    <div className="space-y-4">
      <HasilForm layer="SELF" row={view.hasil.SELF} editable={view.can.writeSelfHasil} />
      {(view.can.review || view.hasil.TPI.version > 0) && (
        <HasilForm layer="TPI" row={view.hasil.TPI} editable={view.can.review} />
      )}
    </div>
  );
}

function HasilForm({ layer, row, editable }: { layer: "SELF" | "TPI"; row: HasilRow; editable: boolean }) {
  const { view, setScores } = useWorkspace();
  const def = view.hasilDefinition;
  // The row version the next save claims to have read.
  const version = useRef(row.version);
  // Whether each saved index came from the surveys (with its provenance) or was typed by hand.
  const [sources, setSources] = useState({ ipak: row.ipakSource, ipkp: row.ipkpSource });
  const [savedValues, setSavedValues] = useState({ ipak: row.ipak, ipkp: row.ipkp });
  const action = layer === "SELF" ? saveSelfHasilAction : saveTpiHasilAction;
  const take = layer === "SELF" ? takeSurveyIntoSelfHasilAction : takeSurveyIntoTpiHasilAction;
  const offer = view.surveys;
  const evidenceOf = (field: string) => row.evidence.filter((e) => e.field === field);

  const { form, onSubmit, run, formError, saved, pending } = useActionForm({
    schema: layer === "SELF" ? selfHasilFormSchema : tpiHasilFormSchema,
    // The form holds the indices as typed; the action takes them parsed.
    action: (_typed, values) => action({ assessmentId: view.id, ...values, version: version.current }),
    defaultValues: {
      ipak: showIndex(row.ipak),
      ipkp: showIndex(row.ipkp),
      capaianKinerja: row.capaianKinerja ?? "",
      catatan: row.catatan,
    },
    onSuccess: (data, values) => {
      version.current = data.version;
      setScores(data.scores);
      // An index typed over the survey's value is no longer the survey's.
      setSources((s) => ({
        ipak: values.ipak === savedValues.ipak ? s.ipak : null,
        ipkp: values.ipkp === savedValues.ipkp ? s.ipkp : null,
      }));
      setSavedValues({ ipak: values.ipak, ipkp: values.ipkp });
    },
  });
  const { register, formState } = form;
  const errors = formState.errors;

  function takeFromSurveys() {
    void run(
      () => take({ assessmentId: view.id, version: version.current }),
      (data) => {
        version.current = data.version;
        setScores(data.scores);
        form.setValue("ipak", showIndex(data.ipak));
        form.setValue("ipkp", showIndex(data.ipkp));
        const src = (o: typeof offer.ipak) =>
          o && { year: view.year, n: o.n, rounds: o.rounds, belowMinimum: o.belowMinimum };
        setSources((s) => ({ ipak: src(offer.ipak) ?? s.ipak, ipkp: src(offer.ipkp) ?? s.ipkp }));
        setSavedValues({ ipak: data.ipak, ipkp: data.ipkp });
      },
    );
  }

  const origin = (field: "ipak" | "ipkp") => {
    const src = sources[field];
    if (src)
      return `Dari survei ${src.year}: n = ${src.n}, ${src.rounds} putaran${src.belowMinimum ? " (di bawah minimal responden)" : ""}`;
    return savedValues[field] === null ? undefined : "Diketik manual";
  };

  const id = (f: string) => `${layer}-${f}`;
  return (
    <Card>
      <CardHeader
        title={layer === "SELF" ? "Komponen hasil — isian unit" : "Komponen hasil — penilaian TPI"}
        description={
          layer === "SELF"
            ? `Indeks survei SPAK/SPKP (skala ${def.ipak.scaleMin}–${def.ipak.scaleMax}, dua desimal) dan capaian kinerja, dengan laporannya.`
            : "TPI dapat menetapkan nilainya sendiri dengan catatan."
        }
      />
      <CardBody className="space-y-4">
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <div
            className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
            data-testid={`survey-offer-${layer}`}
          >
            {offer.ipak || offer.ipkp ? (
              <>
                <p className="text-slate-800">
                  Hasil survei di aplikasi tahun {view.year}:{" "}
                  {(
                    [
                      ["IPAK", offer.ipak],
                      ["IPKP", offer.ipkp],
                    ] as const
                  )
                    .map(([label, o]) =>
                      o ? `${label} ${formatIndex(o.value)} (n = ${o.n}, ${o.rounds} putaran)` : `${label} belum ada`,
                    )
                    .join(" · ")}
                </p>
                {(offer.ipak?.belowMinimum || offer.ipkp?.belowMinimum) && (
                  <p className="mt-1 text-amber-900">
                    Responden di bawah minimal {offer.ipak?.minRespondents ?? offer.ipkp?.minRespondents}: hasil belum
                    dapat diandalkan.
                  </p>
                )}
                {editable && (
                  <Button variant="secondary" size="sm" className="mt-2" onClick={takeFromSurveys} disabled={pending}>
                    Ambil IPAK/IPKP dari survei
                  </Button>
                )}
              </>
            ) : (
              <p className="text-slate-700">
                Belum ada jawaban survei di aplikasi untuk tahun {view.year}.{" "}
                <a className="text-brand-700 underline" href={`/hasil-survei?unit=${view.unit.id}&tahun=${view.year}`}>
                  Kelola survei unit
                </a>
              </p>
            )}
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              label="IPAK (indeks persepsi antikorupsi)"
              htmlFor={id("ipak")}
              error={errors.ipak?.message}
              hint={[`Minimal WBK/WBBM ${formatIndex(def.ipak.min.WBK)}`, origin("ipak")].filter(Boolean).join(" · ")}
            >
              <Input
                id={id("ipak")}
                inputMode="decimal"
                {...register("ipak")}
                disabled={!editable || pending}
                aria-invalid={!!errors.ipak}
              />
            </Field>
            <Field
              label="IPKP (indeks persepsi kualitas pelayanan)"
              htmlFor={id("ipkp")}
              error={errors.ipkp?.message}
              hint={[
                `Minimal WBK ${formatIndex(def.ipkp.min.WBK)}, WBBM ${formatIndex(def.ipkp.min.WBBM)}`,
                origin("ipkp"),
              ]
                .filter(Boolean)
                .join(" · ")}
            >
              <Input
                id={id("ipkp")}
                inputMode="decimal"
                {...register("ipkp")}
                disabled={!editable || pending}
                aria-invalid={!!errors.ipkp}
              />
            </Field>
            <Field label="Capaian kinerja" htmlFor={id("capaian")} error={errors.capaianKinerja?.message}>
              <Select
                id={id("capaian")}
                {...register("capaianKinerja")}
                disabled={!editable || pending}
                aria-invalid={!!errors.capaianKinerja}
              >
                <option value="">Pilih…</option>
                {def.capaianKinerja.options.map((o) => (
                  <option key={o.label} value={o.label} title={o.criteria}>
                    {o.label} — {o.criteria.length > 70 ? `${o.criteria.slice(0, 70)}…` : o.criteria}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field
            label={layer === "SELF" ? "Catatan" : "Catatan TPI (wajib)"}
            htmlFor={id("catatan")}
            error={errors.catatan?.message}
          >
            <Textarea
              id={id("catatan")}
              rows={2}
              {...register("catatan")}
              disabled={!editable || pending}
              aria-invalid={!!errors.catatan}
            />
          </Field>
          {formError && <Alert tone="error">{formError}</Alert>}
          {saved && <Alert tone="success">Nilai komponen hasil disimpan.</Alert>}
          {editable && (
            <Button type="submit" disabled={pending}>
              <Save className="h-4 w-4" aria-hidden /> {pending ? "Menyimpan…" : "Simpan komponen hasil"}
            </Button>
          )}
        </form>
        {layer === "SELF" && (
          <div className="grid gap-4 border-t border-slate-100 pt-4 md:grid-cols-3">
            {(
              [
                ["IPAK", "Laporan survei IPAK"],
                ["IPKP", "Laporan survei IPKP"],
                ["CAPAIAN_KINERJA", "Bukti capaian kinerja"],
              ] as const
            ).map(([field, label]) => (
              <EvidenceBox
                key={field}
                hasilField={field}
                label={label}
                initial={evidenceOf(field)}
                editable={editable}
                onCreatedVersion={(v) => {
                  // The first report attached creates the hasil row: the next save must claim its version.
                  if (version.current === 0) version.current = v;
                }}
              />
            ))}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
