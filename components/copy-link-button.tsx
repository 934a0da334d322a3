'use client';

import { CopyButton } from './copy-button';

/** Props of {@link CopyLinkButton}. */
export interface CopyLinkButtonProps {
  anchor: string;
  label: string;
  copiedLabel: string;
  failedLabel: string;
}

/** Copies the full URL of this page with `#anchor`, the section's permanent link. */
export function CopyLinkButton({ anchor, ...labels }: CopyLinkButtonProps) {
  return (
    <CopyButton
      {...labels}
      text={() => `${window.location.origin}${window.location.pathname}#${anchor}`}
      className="ml-2 align-middle opacity-70 hover:opacity-100 focus:opacity-100"
    >
      <span aria-hidden="true">#</span>
    </CopyButton>
  );
}
