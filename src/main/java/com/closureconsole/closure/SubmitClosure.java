package com.closureconsole.closure;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the agent confirms at the end of the flow. The verification and the confirmation of what
 * the customer gives up are not part of it: the server has recorded them for the flow
 * ({@link FlowSteps#recordVerification}, {@link FlowSteps#confirmGivenUp}).
 *
 * @param flowId         the flow's id: ties its audit entries together and becomes the request's id
 * @param idempotencyKey the same for every retry of this confirmation; a retry never makes a second request
 */
public record SubmitClosure(@Nullable UUID flowId, @Nullable String idempotencyKey, @Nullable String accountId,
                            @Nullable ClosureReason reason, @Nullable String reasonText) {
}
