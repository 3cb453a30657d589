"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, Field, Select, Textarea } from "@/components/ui/form";
import {
  RESPONDENT_FIELDS,
  RESPONDENT_FIELD_CODES,
  type RespondentField,
  type SurveyKindCode,
} from "@/domain/survey/instruments";
import { saveSurveyInstrumentAction } from "@/server/actions/survey";

/** One element per line, "KODE | pernyataan"; saving makes a new version of the instrument. */
export function InstrumentForm({
  kind,
  initial,
}: {
  kind: SurveyKindCode;
  initial: {
    elements: { code: string; label: string }[];
    scale: readonly [number, number];
    respondentFields: string[];
  };
}) {
  const router = useRouter();
  const [text, setText] = useState(initial.elements.map((e) => `${e.code} | ${e.label}`).join("\n"));
  const [scale, setScale] = useState(`${initial.scale[0]}-${initial.scale[1]}`);
  const [fields, setFields] = useState<RespondentField[]>(initial.respondentFields as RespondentField[]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [pending, start] = useTransition();

  function save() {
    setError(null);
    setSaved(null);
    const elements = text
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [code, ...rest] = l.split("|");
        return { code: code.trim(), label: rest.join("|").trim() };
      });
    const [a, b] = scale.split("-").map(Number);
    start(async () => {
      const r = await saveSurveyInstrumentAction({ kind, elements, scale: [a, b], respondentFields: fields });
      if (!r.ok) setError([r.error, ...Object.values(r.fieldErrors ?? {})].join(" "));
      else {
        setSaved(r.data.version);
        router.refresh();
      }
    });
  }

  const id = (f: string) => `${kind}-${f}`;
  return (
    <div className="space-y-3">
      <Field label="Unsur (satu per baris: KODE | pernyataan)" htmlFor={id("elements")}>
        <Textarea
          id={id("elements")}
          rows={Math.max(6, initial.elements.length + 1)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="font-mono text-sm"
        />
      </Field>
      <Field label="Skala jawaban" htmlFor={id("scale")} hint="Skala 1–6 dikonversi linear ke 1–4 untuk LKE.">
        <Select id={id("scale")} value={scale} onChange={(e) => setScale(e.target.value)}>
          <option value="1-4">1–4</option>
          <option value="1-6">1–6</option>
        </Select>
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Pertanyaan tentang responden (opsional)</legend>
        <CheckboxGroup
          className="mt-2 grid gap-2 sm:grid-cols-2"
          options={RESPONDENT_FIELD_CODES.map((c) => ({ value: c, label: RESPONDENT_FIELDS[c].label }))}
          value={fields}
          onChange={setFields}
        />
      </fieldset>
      {error && <Alert tone="error">{error}</Alert>}
      {saved !== null && (
        <Alert tone="success">Disimpan sebagai versi {saved}. Putaran yang sudah dibuka tetap memakai versinya.</Alert>
      )}
      <Button onClick={save} disabled={pending}>
        {pending ? "Menyimpan…" : "Simpan sebagai versi baru"}
      </Button>
    </div>
  );
}
