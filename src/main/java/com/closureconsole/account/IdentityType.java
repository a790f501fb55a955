package com.closureconsole.account;

/** How the account holder's identity is established, which decides how an agent verifies them. */
public enum IdentityType {
    /** Real-name certified (实名认证). */
    REAL_NAME_CERTIFIED,
    /** Ordinary, not certified. */
    UNCERTIFIED,
    /** Not certified, registered with a mobile number only. */
    MOBILE_ONLY,
    /** Digital-certificate user (数字证书用户): verified with the certificate holder's method. */
    DIGITAL_CERTIFICATE
}
