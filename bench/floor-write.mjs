// The write floor: read, parse, append one touch, stringify, and write atomically (unique temp, fsync, rename).
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
const path = process.argv[2];
const doc = JSON.parse(readFileSync(path, 'utf8'));
const id = doc.nextId.touch++;
doc.touches.push({ id, prospectId: 1, type: 'visit', at: new Date().toISOString(), note: null, outcome: null, direction: null, by: 'bench' });
const tmp = `${path}.${process.pid}.tmp`;
const fd = openSync(tmp, 'w', 0o600);
writeSync(fd, JSON.stringify(doc));
fsyncSync(fd);
closeSync(fd);
renameSync(tmp, path);
