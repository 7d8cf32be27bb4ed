// pdfmake 0.2 has no hooks for what the paper needs (tags, fitting charts to pages, reading a
// chart's size), so a few of its internal methods are wrapped in place. One helper for all of
// them: a method that is gone (a pdfmake upgrade) stops the render with a plain message rather
// than writing a different paper.
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

export type Method = (this: unknown, ...args: never[]) => unknown;

/** A pdfmake module by its path under pdfmake/src ("layoutBuilder"). */
export function pdfmakeModule<T = { prototype: Record<string, Method> }>(name: string): T {
  return requireHere(`pdfmake/src/${name}`) as T;
}

/** Replaces proto[name] by make(original); `purpose` ends the message if it is missing. */
export function wrapMethod(proto: Record<string, Method>, name: string, make: (original: Method) => Method, purpose: string): void {
  const original = proto[name];
  if (typeof original !== 'function') throw new Error(`pdfmake has changed: ${name} is missing, so ${purpose}`);
  proto[name] = make(original);
}
