import { describe, expect, it, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { featureBoundaries } from '../../scripts/eslint-feature-boundaries.js';

/**
 * The boundary between features (scripts/eslint-feature-boundaries.js): a feature imports of another only
 * its events file and its read door; the kernel imports no feature. Each case names the importing file.
 */
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const file = (path: string) => join(process.cwd(), path);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, sourceType: 'module' } });

tester.run('feature-boundaries', featureBoundaries, {
  valid: [
    // Another feature's events file and read door, with or without an extension, also type-only.
    {
      filename: file('src/development/commands/x.ts'),
      code: "import { A } from '../../organizations/organizations.facts.js';",
    },
    { filename: file('src/development/x.ts'), code: "import type { E } from '../organizations/organizations.events';" },
    { filename: file('src/audit/x.ts'), code: "export { T } from '../auth/auth.events.js';" },
    // Its own files, the kernel, packages, and the composition root's files.
    {
      filename: file('src/organizations/x.ts'),
      code: "import { R } from './roster-facts.js'; import { M } from './commands/m.js';",
    },
    { filename: file('src/organizations/import/x.ts'), code: "import { C } from '../../core/http/scope.js';" },
    { filename: file('src/development/x.ts'), code: "import { z } from 'zod'; import { C } from '../config.js';" },
    { filename: file('src/core/x.ts'), code: "import { C } from '../config.js'; import { S } from './http/scope.js';" },
    // The composition root and an assembly (option) import what they assemble; tests under test/ too.
    { filename: file('src/app.module.ts'), code: "import { M } from './organizations/organizations.module.js';" },
    {
      filename: file('src/demo/demo-county.ts'),
      code: "import { C } from '../organizations/commands/enroll-member.js';",
      options: [{ assemblies: ['demo'] }],
    },
    // A shared folder (option) is imported like the kernel.
    {
      filename: file('src/organizations/x.ts'),
      code: "import { county } from '../demo/county-data.js';",
      options: [{ shared: ['demo'] }],
    },
    { filename: file('test/development/x.e2e.ts'), code: "import { C } from '../../src/development/step-sender.js';" },
  ],
  invalid: [
    {
      // Without the option the demo folder is a feature like any other.
      filename: file('src/demo/demo-county.ts'),
      code: "import { C } from '../organizations/commands/enroll-member.js';",
      errors: [{ messageId: 'reach' }],
    },
    {
      filename: file('src/development/step-sender.ts'),
      code: "import { RosterFacts } from '../organizations/roster-facts.js';",
      errors: [
        {
          messageId: 'reach',
          data: { own: 'development', other: 'organizations', specifier: '../organizations/roster-facts.js' },
        },
      ],
    },
    {
      // A spec of a feature is held to its feature's boundary.
      filename: file('src/development/commands/x.spec.ts'),
      code: "import { member } from '../../organizations/member.js';",
      errors: [{ messageId: 'reach' }],
    },
    {
      // Another feature's events or facts file in a subfolder, or under another feature's name, is no door.
      filename: file('src/organizations/x.ts'),
      code: [
        "import { P } from '../development/policies/development.events.js';",
        "import { Q } from '../development/organizations.facts.js';",
        "export * from '../audit/projections/activity.projection.js';",
        "const lazy = () => import('../auth/user.js');",
        "type U = import('../auth/user.js').User;",
      ].join('\n'),
      errors: 5,
    },
    {
      filename: file('src/core/http/x.ts'),
      code: "import { A } from '../../organizations/organizations.facts.js';",
      errors: [
        {
          messageId: 'kernel',
          data: { other: 'organizations', specifier: '../../organizations/organizations.facts.js' },
        },
      ],
    },
    {
      filename: file('src/core/x.ts'),
      code: "import { seedDemoCounty } from '../demo/demo-county.js';",
      errors: [{ messageId: 'kernel' }],
    },
  ],
});

describe('npm run lint applies it (eslint.config.js)', () => {
  const lint = (filename: string, code: string) =>
    spawnSync(process.execPath, ['node_modules/eslint/bin/eslint.js', '--stdin', '--stdin-filename', filename], {
      input: code,
      encoding: 'utf8',
    });

  test('a feature reaching into another fails; through the read door it passes', () => {
    const reach = lint(
      'src/development/probe.ts',
      "import { RosterFacts } from '../organizations/roster-facts.js';\nexport const probe = RosterFacts;\n",
    );
    expect(reach.status).toBe(1);
    expect(reach.stdout).toContain('local/feature-boundaries');
    const door = lint(
      'src/development/probe.ts',
      "import { OrganizationsFacts } from '../organizations/organizations.facts.js';\nexport const probe = OrganizationsFacts;\n",
    );
    expect([door.status, door.stdout]).toEqual([0, '']);
  });
});
