/**
 * The small roster most feature tests start from, built through the HTTP API like a user would:
 * one school, the bureau's Party committee and the school's branch (or branches), and full members.
 * `post` is the test's own helper: it sends as an authorised user and fails the test on a non-201.
 */
export type Post = (path: string, body: unknown) => Promise<{ id: string }>;

export interface SchoolBranch {
  unit: string;
  bureau: string;
  branch: string;
}

export const seedSchoolBranch = async (
  post: Post,
  { school = '桥山中学', branch = `${school}党支部` }: { school?: string; branch?: string } = {},
): Promise<SchoolBranch> => {
  const unit = (await post('/units', { name: school, type: 'public_school' })).id;
  const bureau = (
    await post('/party-organizations', {
      name: '中共蒲城县教育局委员会',
      kind: 'basic_party_committee',
      foundedOn: '2010-01-01',
    })
  ).id;
  const branchId = await addBranch(post, { name: branch, bureau, unit, foundedOn: '2012-03-01' });
  return { unit, bureau, branch: branchId };
};

/** Another branch under the bureau's committee, covering the unit. */
export const addBranch = async (
  post: Post,
  { name, bureau, unit, foundedOn }: { name: string; bureau: string; unit: string; foundedOn: string },
): Promise<string> =>
  (await post('/party-organizations', { name, kind: 'party_branch', parentId: bureau, unitIds: [unit], foundedOn })).id;

/** Enrols members of `orgId` at `unitId`; returns their ids in the order given. */
export const enrolMembers = async (
  post: Post,
  { orgId, unitId }: { orgId: string; unitId: string },
  people: { name: string; category?: 'full' | 'probationary'; gender?: 'male' | 'female' }[],
): Promise<string[]> => {
  const ids: string[] = [];
  for (const { name, category = 'full', gender = 'female' } of people)
    ids.push((await post('/members', { name, gender, orgId, unitId, category, teaches: true })).id);
  return ids;
};
