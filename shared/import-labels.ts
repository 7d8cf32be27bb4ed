// What each kind of file is called on the screens (the Import screen's "Import it as", the history):
// the label catalogue's words, under the name the import screens and handlers use.
import { IMPORT_SOURCE_LABEL } from './labels';

export const SOURCE_LABEL: Record<string, string> = IMPORT_SOURCE_LABEL;
