/**
 * Message authentication codes: ISO/IEC 9797-1 MAC algorithms 1 and 3 with padding methods 1
 * and 2 under TDES, and CMAC under AES (NIST SP 800-38B).
 *
 * <p>The HSM MACs the byte range it is given; which bytes of a message a scheme MACs is
 * declared in that scheme's dialect, not here.
 */
package io.caspian.hsm.mac;
