import type { Command } from '../command';
import { notYetAvailable } from '../not-yet';

export const benchmarkCommand: Command = notYetAvailable('benchmark');
