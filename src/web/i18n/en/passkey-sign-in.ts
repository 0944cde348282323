/** English UI strings for signing in with a passkey instead of a password. */
export const passkeySignIn = {
  passkeySignIn: {
    button: 'Sign in with a passkey',
    hint: 'No password needed: your device checks your fingerprint, face or PIN.',
    cancelled: 'The passkey sign-in was cancelled or timed out. Try again, or sign in with your password.',
    unsupported: 'This browser cannot use passkeys. Sign in with your password.',
    passwordless: 'Also use it to sign in without a password',
    passwordlessHint:
      'The passkey is stored on the device and asks for your fingerprint, face or PIN. Turn this off for a security key that cannot.',
  },
};
