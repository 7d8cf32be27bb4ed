import type { Command } from '../command';
import { notYetAvailable } from '../not-yet';

export const undoCommand: Command = notYetAvailable('undo');
