import { FieldError as UiFieldError } from "@/components/ui/form-feedback";

// The feedback module is components/ui/form-feedback.tsx; this adapter remains only for
// grant-fields.tsx (another engineer's file) until it imports from there.
export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  return <UiFieldError id={id} messages={errors} />;
}
