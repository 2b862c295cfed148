/**
 * The version of this web client build, sent as `X-Client-Version` with every call. Raise it with
 * each release; the API answers 426 below the minimum an operator set for the web.
 */
export const WEB_CLIENT_VERSION = '1.0.0';
