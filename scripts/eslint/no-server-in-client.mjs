/**
 * A client component ('use client') may not import a server door (`@/lib/<feature>/server`)
 * or `server-only`. Next's build catches the transitive case through `server-only`; this
 * rule names the offending import in the editor, before a build.
 * @type {import('eslint').Rule.RuleModule}
 */
export const noServerInClient = {
  meta: {
    type: 'problem',
    docs: { description: "forbid server-only imports in 'use client' modules" },
    schema: [],
    messages: { server: "'{{source}}' is server-only; a 'use client' module cannot import it. Pass the data in as props from a server component." },
  },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some(
      (node) => node.type === 'ExpressionStatement' && node.directive === 'use client',
    );
    if (!isClient) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      if (source === 'server-only' || /^@\/lib\/[^/]+\/server$/.test(source) || /(^|\/)server$/.test(source) && source.startsWith('.')) {
        context.report({ node, messageId: 'server', data: { source } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
