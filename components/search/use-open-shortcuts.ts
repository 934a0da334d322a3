'use client';

import { useEffect } from 'react';
import { OPEN_SEARCH_EVENT } from './open-search';

/** True when a key press belongs to a field being typed in, where `/` is just a character. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Ctrl/Cmd-K toggles the palette anywhere; `/` opens it when no field has the keyboard; the open-search event opens it. */
export function useOpenShortcuts(open: boolean, onOpen: () => void, onClose: () => void): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        if (open) onClose();
        else onOpen();
      } else if (event.key === '/' && !open && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        onOpen();
      }
    }
    document.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_SEARCH_EVENT, onOpen);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_SEARCH_EVENT, onOpen);
    };
  }, [open, onOpen, onClose]);
}
