import { Global, Module } from '@nestjs/common';
import { EndPairingHandler, ExtendPairingHandler } from './commands/change-term.js';
import { FormPairingHandler } from './commands/form-pairing.js';
import { LogPartyBuildingHandler, LogTeachingHandler } from './commands/log-activity.js';
import { AssessNormHandler, DefineNormsHandler } from './commands/norms.js';
import { FormSupportPairHandler, GiveSupportHandler } from './commands/support-pairs.js';
import { PairingNormsController } from './pairing-norms.controller.js';
import { PairingController } from './pairing.controller.js';
import { PairingFacts } from './pairing.facts.js';

const commandHandlers = [
  FormPairingHandler,
  ExtendPairingHandler,
  EndPairingHandler,
  LogTeachingHandler,
  LogPartyBuildingHandler,
  FormSupportPairHandler,
  GiveSupportHandler,
  AssessNormHandler,
  DefineNormsHandler,
];

/**
 * Pairing communities (帮扶共同体, issue 12 §1). Reads the roster through the organisations' read door
 * (OrganizationsFacts, global). Global itself for its read door, PairingFacts.
 */
@Global()
@Module({
  controllers: [PairingController, PairingNormsController],
  providers: [...commandHandlers, PairingFacts],
  exports: [PairingFacts],
})
export class PairingModule {}
