import path from 'node:path';

/**
 * Which feature of `lib/` may use which: docs/architecture.md as data. `machines` stands for
 * the top-level machines/ folder. Adding an edge is a design decision: change the doc with it.
 */
export const FEATURE_DEPENDENCIES = {
  i18n: [],
  address: [],
  net: [],
  db: [],
  http: [],
  webhooks: ['db'],
  auth: ['db', 'http', 'i18n', 'net'],
  access: ['auth', 'db', 'net', 'probes'],
  cases: ['access', 'address', 'auth', 'content', 'db', 'evidence', 'http', 'i18n', 'net', 'probes', 'webhooks'],
  probes: ['address', 'http', 'i18n', 'net'],
  content: ['address', 'i18n'],
  flows: ['address', 'content', 'probes', 'i18n', 'machines'],
  search: ['content', 'flows', 'i18n', 'machines'],
  insights: ['auth', 'db', 'http'],
  evidence: ['auth', 'http', 'probes'],
};

/** Features machines/ may import, and then only types. */
const MACHINE_TYPE_SOURCES = ['probes', 'i18n'];
/** The files of a feature that others may import: its doors. */
const DOORS = ['', 'index', 'server'];

/**
 * Where a repository path belongs.
 * @param {string} relative a path relative to the repository root, without extension
 */
function partOf(relative) {
  const [top, feature, ...rest] = relative.split('/');
  if (top === 'lib' && feature) return { part: 'lib', feature, inner: rest.join('/') };
  if (['machines', 'app', 'components', 'scripts', 'tests'].includes(top)) return { part: top };
  return { part: 'root' };
}

function resolveSource(filename, source, root) {
  let absolute;
  if (source.startsWith('@/')) absolute = path.join(root, source.slice(2));
  else if (source.startsWith('.')) absolute = path.resolve(path.dirname(filename), source);
  else return null;
  return path.relative(root, absolute).split(path.sep).join('/').replace(/\.(tsx?|mjs|js)$/, '').replace(/\/index$/, '');
}

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

/**
 * What may import what (docs/architecture.md): lib/ and machines/ never import app/,
 * components/, scripts/ or tests/; another feature is reached only through its doors
 * (`@/lib/<feature>` or `@/lib/<feature>/server`); a feature uses only the features
 * FEATURE_DEPENDENCIES lists; machines/ imports only types of the probe contract and i18n.
 * @type {import('eslint').Rule.RuleModule}
 */
export const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'enforce the feature boundaries of docs/architecture.md' },
    schema: [],
    messages: {
      upward: "{{from}} may not import {{to}}/: lib/ and machines/ are below app/ and components/ and run in plain Node.",
      door: "Import lib/{{feature}} through its door ('@/lib/{{feature}}' or '@/lib/{{feature}}/server'), not '{{source}}'.",
      edge: 'lib/{{from}} may not use {{to}} (allowed: {{allowed}}); see docs/architecture.md.',
      machines: 'machines/ may import only types from lib/probes and lib/i18n, not {{what}}.',
    },
  },
  create(context) {
    const root = context.cwd;
    const filename = context.filename;
    const own = partOf(path.relative(root, filename).split(path.sep).join('/').replace(/\.(tsx?|mjs|js)$/, ''));
    if (own.part === 'root') return {};

    function check(node, source) {
      if (typeof source !== 'string') return;
      const target = resolveSource(filename, source, root);
      if (target === null) return;
      const to = partOf(target);
      const from = own.part === 'lib' ? `lib/${own.feature}` : `${own.part}/`;
      if ((own.part === 'lib' || own.part === 'machines') && ['app', 'components', 'scripts', 'tests'].includes(to.part)) {
        context.report({ node, messageId: 'upward', data: { from, to: to.part } });
        return;
      }
      if (own.part === 'machines') {
        if (to.part === 'lib' && !(MACHINE_TYPE_SOURCES.includes(to.feature) && isTypeOnly(node))) {
          context.report({ node, messageId: 'machines', data: { what: `a value from lib/${to.feature}` } });
          return;
        }
      }
      const crossesFeature = to.part === 'lib' && !(own.part === 'lib' && own.feature === to.feature);
      if (crossesFeature && own.part !== 'tests' && !DOORS.includes(to.inner)) {
        context.report({ node, messageId: 'door', data: { feature: to.feature, source } });
        return;
      }
      if (own.part === 'lib' && (crossesFeature || to.part === 'machines')) {
        const allowed = FEATURE_DEPENDENCIES[own.feature] ?? [];
        const used = to.part === 'machines' ? 'machines' : to.feature;
        if (!allowed.includes(used)) {
          context.report({
            node,
            messageId: 'edge',
            data: { from: own.feature, to: used === 'machines' ? 'machines/' : `lib/${used}`, allowed: allowed.join(', ') || 'none' },
          });
        }
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
