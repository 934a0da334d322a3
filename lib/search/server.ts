import 'server-only';

/**
 * Search, build and Node door: the index build from content and flows, the
 * index file, the engine for Node (the CLI, tests, benchmarks; the same
 * code the palette loads lazily) and the CLI's argument and output format.
 */
export { buildSearchIndex } from './build/build-index';
export { buildIndexFromSources, searchIndexFile, shippedOrFreshIndex } from './build/index-file';
export { flowRecords } from './build/flow-records';
export { registeredFlows } from './build/flow-source';
export { parseSearchIndex } from './build/schema';
export { CLI_USAGE, formatJson, formatTable, parseCliArgs, type CliRequest } from './cli/cli';
export { createSearchEngine } from './engine/engine';
export { SEARCH_FIELDS, type LinkedRecord } from './engine/fields';
export { readErrorSignature } from './engine/signature';
export { tokenize } from './engine/tokenize';
