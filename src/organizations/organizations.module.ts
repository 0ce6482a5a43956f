import { Module } from '@nestjs/common';
import type { Projection } from '../core/projections/projection.js';
import { RegisterUnitHandler } from './commands/register-unit.js';
import { RenameUnitHandler } from './commands/rename-unit.js';
import { unitsProjection } from './projections/units.projection.js';
import { UnitsController } from './units.controller.js';

export const organizationsProjections: Projection[] = [unitsProjection];

const commandHandlers = [RegisterUnitHandler, RenameUnitHandler];

/** Units, Party organisations, affiliation, members and the roster import (domain.md §1, §8). */
@Module({
  controllers: [UnitsController],
  providers: [...commandHandlers],
})
export class OrganizationsModule {}
