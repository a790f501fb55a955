package com.closureconsole.closure;

import java.util.UUID;

/**
 * What the agent confirms at the end of the flow.
 *
 * @param requestId          the flow's id: ties its audit entries together and becomes the request's id
 * @param idempotencyKey     the same for every retry of this confirmation; a retry never makes a second request
 * @param confirmationVersion the version of the "what the customer gives up" text that was shown
 */
public record SubmitClosure(UUID requestId, String idempotencyKey, String accountId,
                            VerificationMethod verificationMethod, boolean verificationPassed,
                            String confirmationVersion, ClosureReason reason, String reasonText) {
}
