// What both SQL backends know of their schema, whatever their dialect (kept for the imports that name this file;
// sql/tables.ts holds the declarations).
export { ID_KINDS, SQL_SCHEMA_VERSION, TABLES } from './tables.js';
