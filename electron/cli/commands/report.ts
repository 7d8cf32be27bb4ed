import type { Command } from '../command';
import { notYetAvailable } from '../not-yet';

export const reportCommand: Command = notYetAvailable('report');
