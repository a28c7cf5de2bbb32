// The Store contract on the JSON-file backend.
import { JSON_BACKEND } from '../backends.js';
import { runStoreContract } from './contract.js';

runStoreContract(JSON_BACKEND);
