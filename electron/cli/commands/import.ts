import type { Command } from '../command';
import { notYetAvailable } from '../not-yet';

export const importCommand: Command = notYetAvailable('import');
