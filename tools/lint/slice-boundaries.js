// ESLint rule `nhip/slice-boundaries`: a use-case slice (a folder two levels under an app's src/,
// `apps/<svc>/src/<aggregate>/<slice>/`) is imported from outside only through its index.ts, so
// slices never reach into each other's internals (docs/service-layout.md).
import path from 'node:path';

const sliceOf = (file) => {
  const m = /^(.*\/apps\/[^/]+\/src\/[^/]+\/[^/]+)\/[^/]+/.exec(file.split(path.sep).join('/'));
  return m?.[1];
};

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another slice only through its index.ts' },
    schema: [],
    messages: {
      internal:
        "'{{source}}' is internal to the slice {{slice}}: import it through {{slice}}/index.ts, or move what both need up to the aggregate.",
    },
  },
  create(context) {
    const file = context.filename;
    const own = sliceOf(file);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const slice = sliceOf(target);
      if (!slice || slice === own) return;
      if (path.basename(target).replace(/\.(ts|js)$/, '') === 'index') return;
      const shown = slice.replace(/^.*\/apps\//, 'apps/');
      context.report({ node: node.source, messageId: 'internal', data: { source, slice: shown } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'slice-boundaries': rule } };
