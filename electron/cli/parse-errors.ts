// Node's argument parser explains its errors to programmers ("To specify a positional argument
// starting with a '-', place it at the end of the command after '--'"). These say the same in
// plain words, naming the option and the options the command does take.
import type { Command } from './command';

const GLOBAL = ['--db', '--json', '--help'];

function optionsOf(cmd: Command): string {
  const all = [...Object.keys(cmd.options).map((o) => `--${o}`), ...GLOBAL];
  return `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** The option or argument a parse error is about: Node quotes it ('--foo' or '-x'). */
function quotedIn(message: string): string | undefined {
  return /'([^']+)'/.exec(message)?.[1]?.replace(/ <value>$/, '');
}

export function parseArgsMessage(err: Error & { code?: string }, cmd: Command): string {
  const what = quotedIn(err.message);
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `There is no option ${what ?? ''} for "${cmd.name}". Its options are ${optionsOf(cmd)}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `"${cmd.name}" does not take "${what ?? ''}" on its own: every value follows its option, as in --db FILE. Its options are ${optionsOf(cmd)}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // Either a value is missing (--db with nothing after it) or one was given to a yes/no option.
      if (/argument missing/.test(err.message)) return `${what ?? 'That option'} needs a value after it.`;
      return `${what ?? 'That option'} takes no value: write it on its own.`;
    default:
      return err.message;
  }
}
