import { Fragment, type ReactNode } from 'react';

/** Fills `{name}` slots of a message with elements (a `<time>`, a link), keeping the words around them. */
export function fillSlots(message: string, values: Record<string, ReactNode>): ReactNode[] {
  return message.split(/(\{\w+\})/).map((part, index) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return <Fragment key={index}>{name && name in values ? values[name] : part}</Fragment>;
  });
}
