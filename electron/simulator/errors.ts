// Cashfree's error answers: `{ type, code, message }` with the documented HTTP status, worded as in
// the facts file's error table (../shared/cashfree-rpd.md).

export interface ApiError {
  status: number;
  body: { type: string; code: string; message: string; error?: Record<string, unknown> };
}

function apiError(status: number, type: string, code: string, message: string): ApiError {
  return { status, body: { type, code, message } };
}

export const ERRORS = {
  verificationIdMissing: apiError(400, 'validation_error', 'verification_id_missing', 'verification_id is missing in the request'),
  verificationIdInvalid: apiError(
    400,
    'validation_error',
    'verification_id_value_invalid',
    'verification_id : should contain only alphabets, numbers, period, hyphen and underscore',
  ),
  verificationIdTooLong: apiError(400, 'validation_error', 'verification_id_length_exceeded', 'verification_id : should not exceed 50 characters'),
  verificationIdExists: apiError(400, 'validation_error', 'invalid_verification_id', 'verification_id already exists'),
  nameInvalid: apiError(400, 'validation_error', 'name_value_invalid', 'name : should be a string'),
  bodyInvalid: apiError(400, 'validation_error', 'request_body_invalid', 'request body should be a JSON object'),
  clientIdMissing: apiError(400, 'validation_error', 'x-client-id_missing', 'x-client-id is missing in the request'),
  clientSecretMissing: apiError(400, 'validation_error', 'x-client-secret_missing', 'x-client-secret is missing in the request'),
  statusQueryMissing: apiError(400, 'validation_error', 'invalid_request', 'Please enter a valid verification_id / ref_id'),
  unknownVerificationId: apiError(400, 'validation_error', 'invalid_request', 'Please enter a valid verification_id'),
  unknownRefId: apiError(400, 'validation_error', 'invalid_request', 'Please enter a valid ref_id'),
  authenticationFailed: apiError(401, 'authentication_error', 'authentication_failed', 'Invalid clientId and clientSecret combination'),
  signatureMissing: apiError(403, 'authentication_error', 'signature_invalid', 'x-cf-signature is missing in the request'),
  signatureInvalid: apiError(403, 'authentication_error', 'signature_invalid', 'Signature mismatch: x-cf-signature is invalid'),
  signatureStale: apiError(403, 'authentication_error', 'signature_invalid', 'Signature expired: x-cf-signature is too old or from the future'),
  rateLimited: apiError(429, 'rate_limit_error', 'too_many_requests_per_operation', 'Too many requests'),
  internal: apiError(500, 'internal_error', 'verification_failed', 'Unable to validate, please retry later'),
  upstream: apiError(502, 'internal_error', 'verification_failed', 'verification attempt failed'),
  hostNotAllowed: apiError(403, 'invalid_request', 'host_not_allowed', 'the Host header does not name this server'),
  notFound: apiError(404, 'invalid_request', 'request_not_found', 'The requested resource does not exist'),
  methodNotAllowed: apiError(405, 'invalid_request', 'method_not_allowed', 'Method not allowed for this resource'),
  bodyTooLarge: apiError(413, 'invalid_request', 'request_too_large', 'request body is too large'),
} as const;

/** Account set-up failures a fault can inject, named as in the control API. */
export const ACCOUNT_ERRORS = {
  insufficient_balance: apiError(422, 'validation_error', 'insufficient_balance', 'not enough balance in the verification wallet'),
  rpd_not_enabled: apiError(400, 'invalid_request', 'invalid_request', 'Reverse Penny Drop is not enabled for this account'),
  test_environment_secret: apiError(400, 'validation_error', 'x-client-secret_value_invalid', 'Client secret belongs to test environment'),
  // The caller's address replaces 1.2.3.4; Cashfree's text goes on after it, with no space after the dot.
  ip_not_whitelisted: apiError(
    403,
    'authentication_error',
    'ip_validation_failed',
    'IP not whitelisted your current ip is 1.2.3.4.For IP whitelisting assistance, visit https://www.cashfree.com/contact-us',
  ),
} as const;
export type AccountErrorName = keyof typeof ACCOUNT_ERRORS;
export const ACCOUNT_ERROR_NAMES = Object.keys(ACCOUNT_ERRORS) as AccountErrorName[];
