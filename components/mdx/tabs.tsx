import { Children, isValidElement, type ReactNode } from 'react';
import { PlatformTabs } from './platform-tabs';

/** One platform's commands inside {@link Tabs}. */
export function Tab({ children }: { label: string; children?: ReactNode }) {
  return <>{children}</>;
}

/**
 * `<Tabs><Tab label="Windows">…</Tab>…</Tabs>` in MDX. Reads the labels on the
 * server and hands the rendered panels to a small client island.
 */
export function Tabs({ children, ariaLabel }: { children?: ReactNode; ariaLabel: string }) {
  const tabs = Children.toArray(children).filter((child) => isValidElement<{ label?: string; children?: ReactNode }>(child));
  const labels = tabs.map((tab) => String((tab as React.ReactElement<{ label?: string }>).props.label ?? ''));
  const panels = tabs.map((tab) => (tab as React.ReactElement<{ children?: ReactNode }>).props.children);
  return <PlatformTabs labels={labels} panels={panels} ariaLabel={ariaLabel} />;
}
