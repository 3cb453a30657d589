"use client";

import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { ActionResult } from "@/server/actions/define-action";

/**
 * react-hook-form wired to a server action: the same zod schema validates in the browser and on
 * the server; server field errors land on their fields, other errors in `formError`.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(opts: {
  schema: S;
  action: (input: z.input<S>) => Promise<ActionResult<T>>;
  defaultValues: DefaultValues<z.input<S>>;
  onSuccess?: (data: T) => void;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(opts.schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: opts.defaultValues,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    setSaved(false);
    // Send the raw input: the server parses it with the same schema.
    const result = await opts.action(form.getValues());
    if (!result.ok) {
      setFormError(result.error);
      for (const [name, message] of Object.entries(result.fieldErrors ?? {})) {
        form.setError(name as Path<z.input<S>>, { message });
      }
      return;
    }
    setSaved(true);
    opts.onSuccess?.(result.data);
  });

  return { form, onSubmit, formError, saved, pending: form.formState.isSubmitting };
}
