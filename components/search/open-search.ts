/** The window event that opens the palette from elsewhere on the page (the home page's search box). */
export const OPEN_SEARCH_EVENT = 'fixpath:open-search';

/** Opens the search palette in the header. */
export function openSearch(): void {
  window.dispatchEvent(new CustomEvent(OPEN_SEARCH_EVENT));
}
