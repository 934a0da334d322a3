/**
 * Locales and the UI strings of every area, each declared once for both languages with
 * `defineMessages` (a key missing in one language is a type error).
 */
export { DEFAULT_LOCALE, isLocale, LOCALES, otherLocale, switchLocalePath, type Locale, type Localized } from './locales';
export { format } from './define-messages';
export { adminMessages } from './messages/admin';
export { articleMessages } from './messages/article';
export { caseMessages } from './messages/cases';
export { casePageMessages, type CasePageMessages } from './messages/case-pages';
export { authMessages, type AuthMessages } from './messages/auth';
export { customerMessages, type CustomerMessages } from './messages/customer';
export { fixMessages } from './messages/fix';
export { insightsMessages } from './messages/insights';
export { flowMessages } from './messages/flows';
export { layerMessages } from './messages/layers';
export { searchMessages, type SearchMessages } from './messages/search';
export { siteMessages } from './messages/site';
export { placeholderHelp, placeholderLabels } from './messages/placeholders';
