package com.closureconsole.closure;

import com.closureconsole.account.IdentityType;
import org.jspecify.annotations.Nullable;

/** What the start-closure flow shows before anything is written. */
public record ClosurePreview(String accountId, @Nullable IdentityType identityType,
                             @Nullable VerificationMethod verificationMethod,
                             boolean hasEmail, @Nullable String taobaoId, TaobaoOutcome taobaoOutcome,
                             String confirmationVersion, EligibilityReport report) {
}
