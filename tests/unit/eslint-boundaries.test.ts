import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { readFileSync } from 'node:fs';
import { boundaries, FEATURE_DEPENDENCIES } from '../../scripts/eslint/boundaries.mjs';
import { noServerInClient } from '../../scripts/eslint/no-server-in-client.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const linter = new Linter({ cwd: root });
const config = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser as Linter.Parser },
    plugins: { fixpath: { rules: { boundaries, 'no-server-in-client': noServerInClient } } },
    rules: { 'fixpath/boundaries': 'error' as const, 'fixpath/no-server-in-client': 'error' as const },
  },
];

/** The messages ESLint gives `code` placed at `file` (a path from the repository root). */
function lint(file: string, code: string): string[] {
  return linter.verify(code, config, { filename: path.join(root, file) }).map((message) => message.message);
}

describe('the boundaries rule', () => {
  it('lets a feature use a feature below it through its door', () => {
    assert.deepEqual(lint('lib/flows/session.ts', "import { parseAddress } from '@/lib/address';"), []);
    assert.deepEqual(lint('lib/flows/session.ts', "import { findArticle } from '@/lib/content/server';"), []);
    assert.deepEqual(lint('lib/flows/link/replay.ts', "import { x } from '../session';"), []);
  });
  it('refuses a deep import into another feature, relative or aliased', () => {
    assert.match(lint('lib/flows/session.ts', "import { x } from '@/lib/probes/tls/probe';")[0], /through its door/);
    assert.match(lint('lib/flows/session.ts', "import { x } from '../probes/tls/probe';")[0], /through its door/);
    assert.match(lint('components/flow/x.tsx', "import { x } from '@/lib/flows/link/codec';")[0], /through its door/);
  });
  it('refuses an edge the architecture does not have', () => {
    assert.match(lint('lib/content/load.ts', "import { x } from '@/lib/flows';")[0], /lib\/content may not use lib\/flows/);
    assert.match(lint('lib/probes/run.ts', "import { x } from '@/machines';")[0], /may not use machines/);
  });
  it('keeps lib/ and machines/ below app/ and components/', () => {
    assert.match(lint('lib/search/x.ts', "import { x } from '@/components/search/palette';")[0], /may not import components/);
    assert.match(lint('machines/five-layer.ts', "import { x } from '../app/page';")[0], /may not import app/);
  });
  it('lets machines import only types of the probe contract and i18n', () => {
    assert.deepEqual(lint('machines/types.ts', "import type { ProbeResult } from '@/lib/probes';"), []);
    assert.match(lint('machines/types.ts', "import { PROBE_CODES } from '@/lib/probes';")[0], /only types/);
    assert.match(lint('machines/types.ts', "import type { Article } from '@/lib/content';")[0], /only types/);
  });
  it('lets tests reach inside a feature', () => {
    assert.deepEqual(lint('tests/unit/x.test.ts', "import { x } from '../../lib/probes/tls/probe';"), []);
  });
});

describe('the client/server rule', () => {
  it("refuses a server door in a 'use client' module, and allows it elsewhere", () => {
    const code = "'use client';\nimport { findArticle } from '@/lib/content/server';";
    assert.match(lint('components/article/x.tsx', code)[0], /server-only/);
    assert.deepEqual(lint('app/[lang]/page.tsx', "import { findArticle } from '@/lib/content/server';"), []);
    assert.match(lint('components/x.tsx', "'use client';\nimport 'server-only';")[0], /server-only/);
  });
});

describe('docs/architecture.md', () => {
  it('draws exactly the feature graph the lint enforces', () => {
    const doc = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const features = new Set(Object.keys(FEATURE_DEPENDENCIES));
    const drawn = [...doc.matchAll(/^\s+(\w+)(?:\[[^\]]*\])? --> (\w+)(?:\[[^\]]*\])?\s*$/gm)]
      .map(([, from, to]) => `${from} -> ${to}`)
      .filter((edge) => edge.split(' -> ').every((name) => features.has(name)));
    const enforced = Object.entries(FEATURE_DEPENDENCIES).flatMap(([from, tos]) => (tos as string[]).filter((to) => features.has(to)).map((to) => `${from} -> ${to}`));
    assert.deepEqual(new Set(drawn), new Set(enforced));
  });
});
