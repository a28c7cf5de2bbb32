// Column spellings form tools (Google Forms, Typeform, Jotform, Tally, Microsoft Forms) use, shared by every
// import that reads a form's export: prospects (sign-ups) and survey responses.

/** When the form was submitted: a sign-up's created date, a response's answer time. */
export const FORM_SUBMITTED_AT = [
  'timestamp', 'time stamp', 'submitted at', 'submitted', 'submit date', 'submit date (utc)', 'submission date', 'submission time',
  'date submitted', 'completion time', 'completed at', 'response date',
] as const;

/** The respondent's email, as forms head it. */
export const FORM_EMAIL = ['your email', 'your e-mail', 'your email address', 'respondent email'] as const;
