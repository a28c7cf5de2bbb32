// The suppression list as add, remove and do-not-contact change it, loaded when one of them writes: matching a phone
// number brings libphonenumber, which stays out of start-up. (Imported only this way, by `await import()`.)
export { lift, suppress } from '../../store/suppress.js';
export { liftedByConsent } from '../../domain/suppression.js';
