import { Module } from '@nestjs/common';
import { AffiliateUnitHandler } from './commands/affiliate-unit.js';
import { AssignPositionHandler } from './commands/assign-position.js';
import { ChangeMemberCategoryHandler } from './commands/change-member-category.js';
import { ElectCommitteeHandler } from './commands/elect-committee.js';
import { EndPositionHandler } from './commands/end-position.js';
import { EnrollMemberHandler } from './commands/enroll-member.js';
import { FoundPartyOrganizationHandler } from './commands/found-party-organization.js';
import { RegisterUnitHandler } from './commands/register-unit.js';
import { RemoveMemberHandler } from './commands/remove-member.js';
import { RenameUnitHandler } from './commands/rename-unit.js';
import { SetApprovalAuthorityHandler } from './commands/set-approval-authority.js';
import { TransferMemberHandler } from './commands/transfer-member.js';
import { MemberImportController } from './import/import.controller.js';
import { MembersController } from './members.controller.js';
import { PartyOrganizationsController } from './party-organizations.controller.js';
import { RosterFacts } from './roster-facts.js';
import { UnitsController } from './units.controller.js';

const commandHandlers = [
  RegisterUnitHandler,
  RenameUnitHandler,
  AffiliateUnitHandler,
  FoundPartyOrganizationHandler,
  SetApprovalAuthorityHandler,
  ElectCommitteeHandler,
  AssignPositionHandler,
  EndPositionHandler,
  EnrollMemberHandler,
  TransferMemberHandler,
  ChangeMemberCategoryHandler,
  RemoveMemberHandler,
];

/** Units, Party organisations, affiliation, members, posts and the roster import (domain.md §1, §8). */
@Module({
  controllers: [UnitsController, PartyOrganizationsController, MemberImportController, MembersController],
  providers: [...commandHandlers, RosterFacts],
  // Other features' handlers read roster facts through it (development: does the branch cover the unit…).
  exports: [RosterFacts],
})
export class OrganizationsModule {}
