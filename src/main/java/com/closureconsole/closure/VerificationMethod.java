package com.closureconsole.closure;

import com.closureconsole.account.IdentityType;

/** How the agent verifies the customer, decided by the account's identity type. */
public enum VerificationMethod {
    /** Real-name certified: ID document details and a code sent to the bound phone. */
    REAL_NAME_ID_AND_SMS,
    /** Ordinary uncertified: security questions and a code sent to the bound phone. */
    SECURITY_QUESTIONS_AND_SMS,
    /** Uncertified mobile-only: a code sent to the bound phone. */
    SMS_CODE,
    /** Digital-certificate user: the certificate holder's signature. */
    DIGITAL_CERTIFICATE;

    public static VerificationMethod requiredFor(IdentityType identity) {
        return switch (identity) {
            case REAL_NAME_CERTIFIED -> REAL_NAME_ID_AND_SMS;
            case UNCERTIFIED -> SECURITY_QUESTIONS_AND_SMS;
            case MOBILE_ONLY -> SMS_CODE;
            case DIGITAL_CERTIFICATE -> DIGITAL_CERTIFICATE;
        };
    }
}
