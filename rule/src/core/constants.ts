/** The `user` column value of the root user's row in the IAM credential report. */
export const ROOT_USER_NAME = '<root_account>';

/** Longest `Annotation` that `PutEvaluations` accepts. */
export const ANNOTATION_MAX_LENGTH = 256;
