// The boundary between features, as a local ESLint rule (wired in eslint.config.js, tested in
// test/lint/feature-boundaries.spec.ts). Each folder of src/ is a feature, except the kernel (src/core) and
// the composition root (the files directly in src/: app.module.ts, cli.ts, main.ts…). A file in src/<A>/
// may import of another feature src/<B>/ only its events file (<B>.events) and its read door (<B>.facts);
// the kernel imports no feature at all. Every feature may import the kernel, and tests under test/ (e2e)
// are outside the rule. See ../shared/architecture.md, "Between features", and docs/architecture.md.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const KERNEL = 'core';

/**
 * Options (eslint.config.js): `assemblies`, folders that assemble every feature rather than being one,
 * unchecked (the demo county is still built from each feature's commands and deciders); `shared`, folders
 * every feature may import like the kernel (none yet).
 */
const OPTIONS = {
  type: 'object',
  properties: {
    assemblies: { type: 'array', items: { type: 'string' } },
    shared: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
};

/** The folder path of `path` under `root` (['organizations', 'commands', 'x.ts']), or null outside it. */
const under = (root, path) => {
  const rest = relative(root, path);
  return rest === '' || rest.startsWith('..') || isAbsolute(rest) ? null : rest.split(sep);
};

/** `<feature>.events` or `<feature>.facts` directly in the feature's folder, with or without an extension. */
const isDoor = (feature, parts) =>
  parts.length === 2 && new RegExp(`^${feature}\\.(events|facts)(\\.(js|ts))?$`).test(parts[1]);

/** @type {import('eslint').Rule.RuleModule} */
export const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'A feature imports of another only its events file and its read door; the kernel none' },
    schema: [OPTIONS],
    messages: {
      reach:
        "src/{{own}}/ may import of src/{{other}}/ only '{{other}}.events' and the read door '{{other}}.facts', " +
        "not '{{specifier}}': ask the read door, or handle the events (architecture.md, between features)",
      kernel: "src/core is the kernel and knows no feature: '{{specifier}}' is in src/{{other}}/",
    },
  },
  create(context) {
    const { assemblies = [], shared = [] } = context.options[0] ?? {};
    const root = resolve(context.cwd, 'src');
    const from = under(root, context.filename);
    // Outside src/, or a file of the composition root or of an assembly: nothing to check.
    if (!from || from.length < 2 || assemblies.includes(from[0])) return {};
    const own = from[0];
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = under(root, resolve(dirname(context.filename), specifier));
      if (!target || target.length < 2) return; // outside src/, or the composition root's own files
      const other = target[0];
      if (other === own) return;
      if (own === KERNEL) {
        context.report({ node, messageId: 'kernel', data: { other, specifier } });
        return;
      }
      if (other === KERNEL || shared.includes(other) || isDoor(other, target)) return;
      context.report({ node, messageId: 'reach', data: { own, other, specifier } });
    };
    const source = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: source,
      ExportNamedDeclaration: source,
      ExportAllDeclaration: source,
      ImportExpression: source,
      // `import('../b/x.js').T` in a type.
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.source;
        if (literal) check(literal, literal.value);
      },
    };
  },
};

/** The plugin eslint.config.js registers as `local`. */
export default { rules: { 'feature-boundaries': featureBoundaries } };
