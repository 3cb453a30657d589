import { Button, ButtonLink } from "@/components/ui/button";

/** The Batal / Simpan row at the bottom of a form. */
export function FormActions({
  cancelHref,
  pending,
  submitLabel = "Simpan",
  pendingLabel = "Menyimpan…",
}: {
  cancelHref: string;
  pending: boolean;
  submitLabel?: string;
  pendingLabel?: string;
}) {
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <ButtonLink href={cancelHref} variant="secondary">
        Batal
      </ButtonLink>
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}
