"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveSurveySettingsAction } from "@/server/actions/survey";
import { surveySettingsSchema } from "@/server/actions/survey.validation";

/** ADMIN: the minimum respondents a new round starts with (a round may still set its own). */
export function SurveySettings({ surveyMinRespondents }: { surveyMinRespondents: number }) {
  const router = useRouter();
  const { form, onSubmit, formError, saved, pending } = useActionForm({
    schema: surveySettingsSchema,
    action: saveSurveySettingsAction,
    defaultValues: { surveyMinRespondents },
    onSuccess: () => router.refresh(),
  });
  const err = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3 sm:items-end" data-testid="survey-settings-form">
      <Field
        label="Minimal responden per putaran"
        htmlFor="surveyMinRespondents"
        error={err.surveyMinRespondents?.message}
      >
        <Input
          id="surveyMinRespondents"
          type="number"
          min={1}
          max={10000}
          {...form.register("surveyMinRespondents", { valueAsNumber: true })}
        />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          Simpan pengaturan
        </Button>
        {saved && (
          <span role="status" className="text-sm text-emerald-800">
            Tersimpan.
          </span>
        )}
        <ErrorText message={formError} />
      </div>
    </form>
  );
}
