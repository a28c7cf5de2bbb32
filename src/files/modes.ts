// The permissions of what precrm creates: a store, its lock, its backups and every output hold customers' personal
// data, so they are the owner's alone whatever the umask, and so is a folder precrm makes for them.

/** rw------- : stores, locks, temp files, outputs, spooled input. */
export const PRIVATE_FILE = 0o600;

/** rwx------ : a folder precrm creates to hold a store. */
export const PRIVATE_FOLDER = 0o700;
