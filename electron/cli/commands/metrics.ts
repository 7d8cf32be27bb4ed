import type { Command } from '../command';
import { notYetAvailable } from '../not-yet';

export const metricsCommand: Command = notYetAvailable('metrics');
