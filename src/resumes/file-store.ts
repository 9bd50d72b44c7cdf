/**
 * Where résumé PDFs live: a directory outside the web root (FILES_DIR/resumes), each file under a random name
 * the seeker never sees. Nothing serves this directory; routes read a file only after checking who asks.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileStore {
  /** Writes the bytes under a new random name and returns it. */
  save(bytes: Buffer): Promise<string>;
  /** The bytes, or null when the file is gone. */
  read(storedName: string): Promise<Buffer | null>;
  remove(storedName: string): Promise<void>;
}

/** Only names this store made (hex + .pdf): a stored name from the database can never climb out of the folder. */
const STORED_NAME = /^[0-9a-f]{32}\.pdf$/;

export function createFileStore(dir: string): FileStore {
  const pathOf = (storedName: string) => {
    if (!STORED_NAME.test(storedName)) throw new Error(`not a stored file name: ${storedName}`);
    return join(dir, storedName);
  };
  return {
    async save(bytes) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const storedName = `${randomBytes(16).toString('hex')}.pdf`;
      // wx: never overwrite (a collision of 128 random bits would be a bug worth hearing about).
      await writeFile(pathOf(storedName), bytes, { flag: 'wx', mode: 0o600 });
      return storedName;
    },
    async read(storedName) {
      try {
        return await readFile(pathOf(storedName));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(storedName) {
      await rm(pathOf(storedName), { force: true });
    },
  };
}
