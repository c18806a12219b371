/**
 * A process that writes one JSON file over and over with the kiosk's own writer
 * (src-main/core/json-file.ts), for the kill test: `node json-writer.js <file>`.
 */
import { writeJsonFileAtomically } from '../../src-main/core/json-file';

const [file] = process.argv.slice(2);
for (let n = 1; ; n++) {
  // Large enough that a write takes a moment, so kills land in the middle of some.
  writeJsonFileAtomically(file!, { n, crashes: Array.from({ length: 200 }, (_, i) => ({ at: new Date(0).toISOString(), kind: 'renderer', detail: `crash ${n}.${i}` })) });
}
