import 'server-only';

/** JSON request and response helpers shared by the API route handlers. Server-only. */
export { errorResponse, jsonResponse, readBodyCapped, readJsonBody } from './json';
export { invalidInput, readValidJson } from './validated';
