import type { Command } from '../command';
import { notYetAvailable } from '../not-yet';

export const importsCommand: Command = notYetAvailable('imports');
