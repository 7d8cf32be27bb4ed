import type { Command } from '../command';
import { notYetAvailable } from '../not-yet';

export const demoCommand: Command = notYetAvailable('demo');
