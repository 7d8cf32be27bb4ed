// Writing a finished file (a committee paper, an export) so that it appears whole or not at all:
// the content goes to a temporary file in the same folder, is flushed to disk, and is renamed
// over the destination. On a full disk the existing file is untouched and the message says so
// in plain words (issue 16: a truncated 64 KB PDF replaced a good one, with a stack trace).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freeInWords, isDiskFull, sizeInWords } from './disk-space';

export class FileWriteError extends Error {
  override name = 'FileWriteError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export function writeFileAtomic(dest: string, content: string | Uint8Array): void {
  const file = path.resolve(dest);
  const dir = path.dirname(file);
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.part`);
  const existed = fs.existsSync(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(temp, 'wx');
    try {
      for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at, data.length - at);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const kept = existed ? ` The existing ${path.basename(file)} was left as it was.` : ' Nothing was written.';
    if (isDiskFull(e)) {
      throw new FileWriteError(
        `There is not enough space on the disk to write ${file}: it needs ${sizeInWords(data.length)} and ${freeInWords(dir)}.${kept} Free some space or choose another folder, then try again.`,
        code,
      );
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new FileWriteError(`${file} cannot be written: this account may not write in ${dir}${code === 'EROFS' ? ' (the disk is read-only)' : ''}.${kept} Choose another folder.`, code);
    }
    if (code === 'EBUSY') {
      throw new FileWriteError(`${file} is open in another program, which will not let it be replaced.${kept} Close it there and try again, or choose another name.`, code);
    }
    throw new FileWriteError(`${file} could not be written (${code}).${kept}`, code);
  }
}
