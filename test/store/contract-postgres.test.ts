// The Store contract on the PostgreSQL backend (a fresh database per store on the test server).
import { POSTGRES_BACKEND } from '../backends.js';
import { runStoreContract } from './contract.js';

runStoreContract(POSTGRES_BACKEND);
