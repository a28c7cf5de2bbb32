// The reads of a store that holds nothing yet, for a backend without an empty form of its own (a PostgreSQL
// database before precrm's tables): an empty document's, as the JSON backend answers them.
import { emptyDoc } from '../domain/types.js';
import { DocReader } from './json/doc-reader.js';
import type { StoreReader } from './store.js';

export const emptyReader = (): StoreReader => new DocReader(emptyDoc(), false);
