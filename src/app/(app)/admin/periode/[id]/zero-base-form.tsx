"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { useActionForm } from "@/components/forms/use-action-form";
import { ZERO_BASE_RULES, type ZeroBaseRule } from "@/domain/scoring/types";
import { ZERO_BASE_LABELS, zeroBaseRuleSentence } from "@/domain/scoring/zero-base";
import { updateZeroBaseAction } from "@/server/actions/periodes";
import { updateZeroBaseSchema } from "@/server/actions/periodes.validation";

/** The periode's rule for percentage questions whose base count is 0 (no complaints due, nobody obliged to report). */
export function ZeroBaseForm({ id, current }: { id: string; current: ZeroBaseRule }) {
  const router = useRouter();
  const { form, onSubmit, formError, saved, pending } = useActionForm({
    schema: updateZeroBaseSchema,
    action: updateZeroBaseAction,
    defaultValues: { id, zeroBase: current },
    onSuccess: () => router.refresh(),
  });
  const chosen = form.watch("zeroBase") as ZeroBaseRule;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 max-w-3xl">
      <Card>
        <CardBody className="space-y-4">
          <fieldset>
            <legend className="text-base font-semibold text-slate-900">
              Jumlah dasar 0 pada pertanyaan persentase
            </legend>
            <p className="mt-1 text-sm text-slate-700">
              Misalnya tidak ada pengaduan yang harus ditindaklanjuti, atau tidak ada pejabat yang wajib melapor LHKPN.
              LKE resmi menampilkan #DIV/0! untuk kasus ini, jadi nilainya ditentukan per periode. PRC3A (penurunan
              pelanggaran) tetap memakai aturannya sendiri. Mengubah pilihan ini menghitung ulang semua LKE periode ini.
            </p>
            {formError && <Alert tone="error">{formError}</Alert>}
            {saved && <Alert tone="success">Aturan disimpan; nilai LKE periode ini dihitung ulang.</Alert>}
            <div className="mt-3 space-y-2">
              {ZERO_BASE_RULES.map((rule) => (
                <label key={rule} className="flex items-start gap-2 text-sm text-slate-800">
                  <input type="radio" value={rule} className="mt-1" {...form.register("zeroBase")} />
                  <span>{ZERO_BASE_LABELS[rule]}</span>
                </label>
              ))}
            </div>
            <p className="mt-3 text-sm text-slate-700" data-testid="zero-base-sentence">
              {zeroBaseRuleSentence(chosen)}
            </p>
          </fieldset>
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {pending ? "Menyimpan…" : "Simpan aturan"}
            </Button>
          </div>
        </CardBody>
      </Card>
    </form>
  );
}
