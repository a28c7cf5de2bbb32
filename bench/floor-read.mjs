// The read floor: what any command must at least do — read the store file and JSON.parse it.
import { readFileSync } from 'node:fs';
const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
if (!Array.isArray(doc.prospects)) process.exitCode = 1;
