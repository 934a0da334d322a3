/**
 * Typography for rendered article bodies, shared by the article page and the
 * customer's fix view. Inline code gets a tint; code blocks keep Shiki's own
 * background, or the highlighted colours lose their contrast. Inline code (a Java property, an
 * error string) may break anywhere: one long token otherwise widened a phone's whole page.
 */
export const PROSE_CLASSES =
  'prose prose-slate max-w-none dark:prose-invert prose-pre:bg-transparent prose-pre:p-0 prose-code:before:content-none prose-code:after:content-none [&_:not(pre)>code]:rounded [&_:not(pre)>code]:[overflow-wrap:anywhere] [&_:not(pre)>code]:bg-slate-100 [&_:not(pre)>code]:px-1 dark:[&_:not(pre)>code]:bg-slate-800';
