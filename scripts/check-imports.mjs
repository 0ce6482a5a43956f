// Lint for what ESLint cannot see file by file: import cycles in src/ and admin/src/. A cycle makes load
// order matter and usually means two files share a concept that belongs in a third. Type-only imports
// count too: they tie the files together for the reader just the same.
// Run by `npm run lint`; exits 1 and prints each cycle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOTS = ['src', 'admin/src'];
const EXTENSIONS = ['.ts', '.tsx'];

const filesUnder = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
    return EXTENSIONS.some((ext) => path.endsWith(ext)) && !path.endsWith('.d.ts') ? [path] : [];
  });

/** The file a relative specifier names: `./x.js` → x.ts, `./x` → x.ts(x) or x/index.ts(x). */
const resolveImport = (from, specifier) => {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  const candidates = [...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => join(base, `index${ext}`))];
  return candidates.find((path) => existsSync(path)) ?? null;
};

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const graph = new Map();
for (const root of ROOTS.filter((r) => existsSync(r))) {
  for (const file of filesUnder(root)) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set();
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(resolve(file), match[1] ?? match[2]);
      if (target) targets.add(target);
    }
    graph.set(resolve(file), targets);
  }
}

// Tarjan's strongly connected components: every component of more than one file is a cycle.
let index = 0;
const indices = new Map();
const lowlinks = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
const visit = (node) => {
  indices.set(node, index);
  lowlinks.set(node, index);
  index++;
  stack.push(node);
  onStack.add(node);
  for (const next of graph.get(node) ?? []) {
    if (!graph.has(next)) continue;
    if (!indices.has(next)) {
      visit(next);
      lowlinks.set(node, Math.min(lowlinks.get(node), lowlinks.get(next)));
    } else if (onStack.has(next)) lowlinks.set(node, Math.min(lowlinks.get(node), indices.get(next)));
  }
  if (lowlinks.get(node) === indices.get(node)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) cycles.push(component);
  }
};
for (const node of graph.keys()) if (!indices.has(node)) visit(node);

if (cycles.length) {
  console.error(`Import cycles (${cycles.length}):`);
  for (const cycle of cycles)
    console.error(
      `- ${cycle
        .map((f) => relative(process.cwd(), f))
        .sort()
        .join(' ↔ ')}`,
    );
  process.exit(1);
}
console.log(`No import cycles among ${graph.size} files.`);
