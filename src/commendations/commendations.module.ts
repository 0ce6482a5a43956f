import { Module } from '@nestjs/common';
import { CommendationCycleHandler } from './commands/cycle-command.js';
import { CommendationsController } from './commendations.controller.js';
import { OneVoteVeto } from './veto.js';

/** 两优一先 cycles (domain.md §6). Reads discipline and the roster only through their read doors (global). */
@Module({
  controllers: [CommendationsController],
  providers: [CommendationCycleHandler, OneVoteVeto],
})
export class CommendationsModule {}
