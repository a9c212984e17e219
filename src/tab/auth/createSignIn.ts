/** Chooses the sign-in for the build's AUTH_MODE. */
import type { TabConfig } from '../config';
import { createEmulatorSignIn } from './emulatorSignIn';
import type { SignIn } from './types';

/**
 * @throws Error for AUTH_MODE "msal" until the MSAL sign-in exists (a later issue adds
 * `createMsalSignIn` here, behind the same `SignIn` shape).
 */
export function createSignIn(config: TabConfig): SignIn {
  switch (config.authMode) {
    case 'emulator':
      return createEmulatorSignIn(config.graphBaseUrl);
    case 'msal':
      throw new Error('AUTH_MODE "msal" is not available in this build yet: build with AUTH_MODE=emulator.');
  }
}
