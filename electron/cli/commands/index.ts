// Every command the command line offers, in the order `help` lists them.
import type { Command } from '../command';
import { importCommand } from './import';
import { importsCommand } from './imports';
import { undoCommand } from './undo';
import { demoCommand } from './demo';
import { metricsCommand } from './metrics';
import { whatifCommand } from './whatif';
import { reportCommand } from './report';
import { benchmarkCommand } from './benchmark';
import { settingsCommand } from './settings';

export const COMMANDS: readonly Command[] = [
  importCommand,
  importsCommand,
  undoCommand,
  demoCommand,
  metricsCommand,
  whatifCommand,
  reportCommand,
  benchmarkCommand,
  settingsCommand,
];
