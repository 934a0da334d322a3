/** Typography for rendered article bodies, shared by the article page and the customer's fix view. */
export const PROSE_CLASSES =
  'prose prose-slate max-w-none dark:prose-invert prose-pre:bg-transparent prose-pre:p-0 prose-code:before:content-none prose-code:after:content-none prose-code:rounded prose-code:bg-slate-100 prose-code:px-1 dark:prose-code:bg-slate-800';
