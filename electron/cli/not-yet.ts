// Placeholder for a command whose module has not landed yet: it says so plainly (exit 2)
// rather than pretending to work. Removed as each command lands.
import { UsageError, type Command } from './command';

export function notYetAvailable(name: string): Command {
  return {
    name,
    summary: '(not available in this build yet)',
    usage: name,
    options: {},
    allowPositionals: true,
    run() {
      throw new UsageError(`The "${name}" command is not available in this build yet.`);
    },
  };
}
