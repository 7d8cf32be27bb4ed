// A file refused before any row is read (missing, unreadable, the wrong source, a child's name
// column...). The code lets the command line choose its exit status and the app its wording.
import type { ImportProblemCode } from '../../shared/import-types';

export class ImportProblem extends Error {
  override name = 'ImportProblem';
  constructor(
    readonly code: ImportProblemCode,
    message: string,
  ) {
    super(message);
  }
}
