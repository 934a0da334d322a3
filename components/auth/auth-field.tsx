import type { ComponentProps } from 'react';
import { LabelledInput } from '../labelled-input';

/** A required field of the sign-in and setup forms. */
export function AuthField(props: ComponentProps<typeof LabelledInput>) {
  return <LabelledInput className="mt-4" required {...props} />;
}
