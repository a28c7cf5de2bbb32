// The birthdays an import read (Google's and Outlook's `Birthday`, a vCard's BDAY), added as each prospect's yearly
// occasion "birthday" inside the import's transaction — once: a prospect that has one already keeps it, so a
// re-import adds nothing.
import { BIRTHDAY, DEFAULT_REMIND_DAYS, type OccasionDay } from '../../domain/occasions.js';
import type { Occasion } from '../../domain/types.js';
import type { StoreTransaction } from '../../store/store.js';

export async function addBirthdays(tx: StoreTransaction, birthdays: ReadonlyMap<number, OccasionDay>, now: string): Promise<void> {
  if (birthdays.size === 0) return;
  const known = new Set((await tx.listOccasions([...birthdays.keys()])).filter((o) => o.label.toLowerCase() === BIRTHDAY).map((o) => o.prospectId));
  const wanted = [...birthdays].filter(([id]) => !known.has(id)).sort(([a], [b]) => a - b);
  if (wanted.length === 0) return;
  let id = await tx.takeId('occasion', wanted.length);
  const occasions: Occasion[] = wanted.map(([prospectId, day]) => ({
    id: id++, prospectId, label: BIRTHDAY, month: day.month, day: day.day, year: null, remindDays: DEFAULT_REMIND_DAYS, createdAt: now,
  }));
  await tx.insert('occasion', occasions);
}
