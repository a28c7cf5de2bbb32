// A touch type as typed on the command line (`touch log`, `touch list --type`, `tally log`).
import { TOUCH_TYPES, type TouchType } from '../../domain/types.js';
import { parseChoice } from '../common/options.js';

export function parseTouchType(text: string): TouchType {
  return parseChoice(text, TOUCH_TYPES, 'touch type');
}
