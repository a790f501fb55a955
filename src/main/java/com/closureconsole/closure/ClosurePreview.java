package com.closureconsole.closure;

import com.closureconsole.account.IdentityType;

/** What the start-closure flow shows before anything is written. */
public record ClosurePreview(String accountId, IdentityType identityType, VerificationMethod verificationMethod,
                             boolean hasEmail, String taobaoId, TaobaoOutcome taobaoOutcome,
                             String confirmationVersion, EligibilityReport report) {
}
