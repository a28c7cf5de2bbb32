// Where a text stops being JSON, as a line and column and a description — never the bytes around it: a store
// holds phone numbers and names, and error messages end up in cron mails and logs. JSON.parse's own messages
// quote the text near the error ("Unexpected token '+', ..."phone":+9198300..." is not valid JSON"), so
// jsonc-parser (loaded only for a broken file) locates the first error instead.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

const WHAT: Record<string, string> = {
  InvalidSymbol: 'a character that cannot start a JSON value',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a property name (in double quotes) was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace was expected',
  CloseBracketExpected: 'a closing bracket was expected',
  EndOfFileExpected: 'the file should end after the document',
  InvalidCommentToken: 'a comment (JSON has none)',
  UnexpectedEndOfComment: 'an unfinished comment',
  UnexpectedEndOfString: 'an unfinished string (a missing quote, or a line break inside a string)',
  UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'a malformed escape (\\) in a string',
  InvalidCharacter: 'a control character inside a string',
};

/** Line and column (from 1) of a character offset. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/** Describes why `text` (which JSON.parse refused) is not JSON, by position only. */
export function jsonErrorAt(text: string): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors.sort((a, b) => a.offset - b.offset)[0];
  if (!first) return 'at a place the checker could not pin down';
  return `${lineColumn(text, first.offset)}: ${WHAT[printParseErrorCode(first.error)] ?? 'not valid JSON there'}`;
}
