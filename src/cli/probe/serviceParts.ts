/**
 * The reminder service's own modules the probe runs, so its app-only sign-in and its bot post are
 * exactly what the service sends. Command-line tools otherwise use only the domain and the Graph
 * layer (eslint's layer zones); the probe is the one tool whose job is to exercise the service's
 * requests too, so it crosses that line here, in this one file, and nowhere else.
 */
// eslint-disable-next-line import-x/no-restricted-paths -- the probe must sign in exactly as the service does
export { certificateTokenSource, emulatorAppTokenSource, BOT_SCOPES } from '../../service/appToken';
// eslint-disable-next-line import-x/no-restricted-paths -- the probe must post exactly as the service's bot does
export { postProactiveCard, BotPostError } from '../../service/botConnector';
// eslint-disable-next-line import-x/no-restricted-paths -- the certificate is read exactly as the service reads it
export { CertificateError } from '../../service/certificateToken';
