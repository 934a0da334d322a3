import { highlightSegments } from '@/lib/search';

/** Text with the query's terms marked. */
export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightSegments(text, terms).map((segment, index) =>
        segment.match ? (
          <mark key={index} className="rounded-sm bg-yellow-200 text-inherit dark:bg-yellow-500/30 dark:text-yellow-100">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
