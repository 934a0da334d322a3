/** Every table of Fixpath's one schema; drizzle-kit generates the migrations from it. */
export { caseEvents, cases } from './cases';
