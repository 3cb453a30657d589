"use client";

import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { ActionResult } from "@/server/actions/define-action";

export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Where a refusal lands on a form: field errors on the fields the form has, the message in
 * `formError`. A field error for a field the form does not show (e.g. an id) becomes the message,
 * so it is never lost.
 */
export function feedbackOf(
  failure: ActionFailure,
  fields: readonly string[],
): { formError: string; fieldErrors: [string, string][] } {
  const entries = Object.entries(failure.fieldErrors ?? {});
  // "items.0.name" belongs to the form's "items".
  const onForm = ([name]: [string, string]) => fields.includes(name.split(".")[0]);
  const fieldErrors = entries.filter(onForm);
  const stray = entries.find((entry) => !onForm(entry));
  return { formError: stray && fieldErrors.length === 0 ? stray[1] : failure.error, fieldErrors };
}

/**
 * react-hook-form wired to a server action: the same zod rules validate in the browser and on the
 * server; server field errors land on their fields, other errors in `formError`. The whole refusal
 * (`failure`, with its typed `code`, `conflict` and `details`) is kept, so a form that answers a
 * refusal itself (e.g. CONFLICT: show what was saved meanwhile) branches on the code, never on text.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(opts: {
  schema: S;
  /** Called with the raw input (the server parses it with the same schema) and the parsed values. */
  action: (input: z.input<S>, values: z.output<S>) => Promise<ActionResult<T>>;
  defaultValues: DefaultValues<z.input<S>>;
  onSuccess?: (data: NoInfer<T>, values: z.output<S>) => void;
  /** A refusal the form answers beyond showing it, by its code (e.g. CONFLICT: take the row saved meanwhile). */
  onFailure?: (failure: ActionFailure) => void;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(opts.schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: opts.defaultValues,
  });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [running, setRunning] = useState(false);

  function clearFeedback() {
    setFailure(null);
    setFormError(null);
    setSaved(false);
  }

  function fail(result: ActionFailure) {
    const feedback = feedbackOf(result, Object.keys(form.getValues()));
    setFailure(result);
    setFormError(feedback.formError);
    for (const [name, message] of feedback.fieldErrors) form.setError(name as Path<z.input<S>>, { message });
    opts.onFailure?.(result);
  }

  const onSubmit = form.handleSubmit(async (values) => {
    clearFeedback();
    const result = await opts.action(form.getValues(), values);
    if (!result.ok) return fail(result);
    setSaved(true);
    opts.onSuccess?.(result.data, values);
  });

  /**
   * Another action of the same form that needs no input from its fields (e.g. "take the values from
   * the surveys"): it shares the form's pending state and feedback.
   */
  async function run<R>(action: () => Promise<ActionResult<R>>, onOk: (data: R) => void) {
    clearFeedback();
    form.clearErrors();
    setRunning(true);
    try {
      const result = await action();
      if (!result.ok) return fail(result);
      setSaved(true);
      onOk(result.data);
    } finally {
      setRunning(false);
    }
  }

  return {
    form,
    onSubmit,
    run,
    clearFeedback,
    failure,
    formError,
    saved,
    pending: form.formState.isSubmitting || running,
  };
}
