// better-sqlite3 is native and built for one runtime at a time. node_modules keeps the Node build
// (for npm test and the command line); scripts/start.mjs builds an Electron-ABI copy into
// dist-electron/native, which electron-builder packs (unpacked from the asar). Electron passes
// that copy to openDatabase as better-sqlite3's nativeBinding, so neither runtime ever needs a
// manual rebuild.
import fs from 'node:fs';
import path from 'node:path';

export function electronNativeBinding(mainDir: string): string {
  // mainDir is dist-electron (inside app.asar when packaged; native files live beside it unpacked).
  const file = path.join(mainDir, 'native', 'better_sqlite3.node').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  if (!fs.existsSync(file)) {
    throw new Error(
      `The database engine built for the desktop app is missing (${file}). Run "npm start", which builds it, or reinstall Scrutiny Pack.`,
    );
  }
  return file;
}
