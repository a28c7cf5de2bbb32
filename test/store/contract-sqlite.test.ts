// The Store contract on the SQLite backend.
import { SQLITE_BACKEND } from '../backends.js';
import { runStoreContract } from './contract.js';

runStoreContract(SQLITE_BACKEND);
