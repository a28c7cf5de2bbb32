// One record of a file being read, and the size past which a record is refused: shared by the CSV and vCard readers.

export interface CsvRecord {
  /** Physical line (1-based) where the record starts, counting the lines of multi-line fields. */
  line: number;
  cells: string[];
}

/**
 * A record longer than this (characters) is refused as unreadable: no cell may exceed 10,000 characters, so it is an
 * unclosed quote swallowing the file, which would otherwise be gathered into one string until memory runs out.
 */
export const MAX_RECORD = 8 << 20;
