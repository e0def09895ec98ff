/**
 * Runs a command as root without the capabilities that let root ignore permission bits
 * (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so a folder set to 000 or 555 is as closed to it
 * as to any user. Unlike switching to another user, the checkout (which may sit in a 0700
 * home folder) stays readable, and the test's files need no new owner.
 */
export function unprivileged(command: readonly string[]): string[] {
  return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", ...command];
}
