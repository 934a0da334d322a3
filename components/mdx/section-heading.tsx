import type { ReactNode } from 'react';
import { CopyLinkButton } from '../copy-link-button';

/** Labels for a heading's copy-link button. */
export interface HeadingLabels {
  copyLink: string;
  copied: string;
  failed: string;
}

/** An `h2`/`h3` with a stable id and a button that copies its permanent link. */
export function SectionHeading({ level, id, children, labels }: { level: 2 | 3; id?: string; children?: ReactNode; labels: HeadingLabels }) {
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <Tag id={id} className="group scroll-mt-20">
      {children}
      {id ? <CopyLinkButton anchor={id} label={labels.copyLink} copiedLabel={labels.copied} failedLabel={labels.failed} /> : null}
    </Tag>
  );
}
