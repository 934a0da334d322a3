import type { ReactNode } from 'react';
import { SectionHeading, type HeadingLabels } from './section-heading';

/** Props of a `<Fix id title>` block in an article. */
export interface FixProps {
  id: string;
  title: string;
  children?: ReactNode;
}

/** One fix: a section whose `h2` id is the fix id, the permanent link target. */
export function FixSection({ id, title, children, labels, footer }: FixProps & { labels: HeadingLabels; footer?: ReactNode }) {
  return (
    <section aria-labelledby={id} data-fix={id} className="fix-section">
      <SectionHeading level={2} id={id} labels={labels}>
        {title}
      </SectionHeading>
      {children}
      {footer}
    </section>
  );
}
