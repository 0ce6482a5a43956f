/** Unit types, as src/organizations/organizations.events.ts lists them (labels in i18n/ under choices.unitType). */
export const UNIT_TYPES = [
  'public_school',
  'private_school',
  'private_kindergarten',
  'offcampus_training_institution',
  'bureau_organ',
] as const;

export const unitTypeChoices = UNIT_TYPES.map((id) => ({ id, name: `choices.unitType.${id}` }));
