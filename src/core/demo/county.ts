/**
 * What the parts of the demo county hand on to the parts after them (the order of src/features.ts): a
 * typed bag of plain facts, so a later part builds on an earlier one's units and people without
 * importing anything of that feature.
 */
export interface DemoUnit {
  id: string;
  name: string;
  type: string;
  district: string | null;
}

export interface DemoOrganisation {
  /** How parts find it: 'bureau', a school's name, 'host-1'…'host-25'. */
  key: string;
  id: string;
  name: string;
  kind: string;
  unitIds: string[];
}

/** A member as the roster stands once its history is seeded (after the transfers and departures). */
export interface DemoMember {
  id: string;
  name: string;
  orgId: string;
  unitId: string;
  status: string;
  category: string;
}

export interface DemoCountyFacts {
  /** In the order they were registered. */
  units: DemoUnit[];
  organisations: DemoOrganisation[];
  /** In the order they were enrolled. */
  members: DemoMember[];
}

export class DemoCounty {
  private readonly made: Partial<DemoCountyFacts> = {};

  set<K extends keyof DemoCountyFacts>(key: K, value: DemoCountyFacts[K]): void {
    this.made[key] = value;
  }

  /** What an earlier part made; a part listed before the one that makes it is a mistake in src/features.ts. */
  get<K extends keyof DemoCountyFacts>(key: K): DemoCountyFacts[K] {
    const value = this.made[key];
    if (value === undefined)
      throw new Error(`The demo county has no ${key} yet: list the feature that makes them earlier in src/features.ts`);
    return value;
  }

  organisation(key: string): DemoOrganisation {
    const found = this.get('organisations').find((o) => o.key === key);
    if (!found) throw new Error(`The demo county has no organisation "${key}"`);
    return found;
  }
}
