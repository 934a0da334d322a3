import { format, type Locale } from '@/lib/i18n';
import { VALUE_TESTS, type FlowContext, type ImpliedAnswer, type StepMeta } from '@/machines';

/** The first of a question's implied answers the flow's values give, or null (ask). */
export function impliedAnswerOf(meta: StepMeta | undefined, context: FlowContext): ImpliedAnswer | null {
  if (meta?.kind !== 'question') return null;
  const options = new Set(meta.options.map((option) => option.id));
  return (
    (meta.implied ?? []).find(
      ({ option, when }) => options.has(option) && VALUE_TESTS[when.test]({ value: context.values[when.field], address: context.addresses[when.field] }),
    ) ?? null
  );
}

const IMPLIED_BY = { zh: '由{source}里的 {scheme}:// 得出', en: 'implied by {scheme}:// in {source}' };

/** Why an answer was implied, in words: "implied by https:// in the URL". */
export function impliedReason(rule: ImpliedAnswer, context: FlowContext, lang: Locale): string {
  const value = context.values[rule.when.field];
  const scheme = typeof value === 'string' ? (/^\s*([a-z]+):\/\//i.exec(value)?.[1]?.toLowerCase() ?? '') : '';
  return format(IMPLIED_BY[lang], { scheme, source: rule.source[lang] });
}
