// Reads a `.cnf-lint.yaml` from disk: a regular file under a size cap only, never a device, a FIFO or a huge file.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** A configuration file larger than this is not read (the largest real one is a few hundred bytes). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** The text of a configuration file, or why it cannot be read (`missing` when there is no such file). */
export type ConfigFileRead = { ok: true; text: string } | { ok: false; missing: boolean; reason: string };

/**
 * Reads a configuration file. It is opened without blocking (a FIFO would wait for a writer
 * forever) and read only when the opened file is a regular file of at most MAX_CONFIG_BYTES (a
 * link to `/dev/zero` never ends). Invalid UTF-8 is replaced, as the reader reports binary text.
 * Never throws.
 */
export function readConfigFile(path: string): ConfigFileRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT' || code === 'ENOTDIR', reason: (e as Error).message };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, missing: false, reason: 'it is not a regular file' };
    if (info.size > MAX_CONFIG_BYTES) return { ok: false, missing: false, reason: tooLarge(info.size) };
    // Read to the end, one byte past the cap at most: the file may have grown since fstat.
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_CONFIG_BYTES) return { ok: false, missing: false, reason: tooLarge(length) };
    return { ok: true, text: new TextDecoder('utf-8').decode(buffer.subarray(0, length)) };
  } catch (e) {
    return { ok: false, missing: false, reason: (e as Error).message };
  } finally {
    closeSync(fd);
  }
}

const tooLarge = (size: number) => `it is ${size} bytes, over the ${MAX_CONFIG_BYTES} bytes a configuration file may have`;
