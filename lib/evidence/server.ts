import 'server-only';

/** The server side of pasted output: the CLI. */
export { runParseOutputCli } from './cli';
