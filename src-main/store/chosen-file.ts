/**
 * Files the user names (a CA bundle, a backup to restore) are untrusted: a device like /dev/zero
 * never ends, a pipe nobody writes to never answers, a folder is not a file. Only a regular file of
 * a bounded size is read; anything else is refused at the field that named it.
 */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { fail } from '../../shared/errors';

export interface ChosenFile {
  /** The input field that named the file, for the error. */
  field: string;
  /** What the file is, in words: "CA bundle file". */
  what: string;
  maxBytes: number;
}

/** The whole file, or a validation failure at `field` saying why it cannot be used. */
export async function readChosenFile(path: string, { field, what, maxBytes }: ChosenFile): Promise<Buffer> {
  const handle = await openChosenFile(path, field, what);
  try {
    if (!(await handle.stat()).isFile())
      throw fail.validation(field, `The ${what} must be a regular file; ${path} is not one.`);
    // One byte more than allowed tells a file that is too large (or grew since) without reading it all.
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes)
      throw fail.validation(field, `The ${what} is larger than ${megabytes(maxBytes)}: choose the right file.`);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function openChosenFile(path: string, field: string, what: string): Promise<FileHandle> {
  try {
    // Non-blocking, so opening a pipe returns at once instead of waiting for a writer.
    return await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fail.validation(field, `Cannot read the ${what}: ${(error as Error).message}`);
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
