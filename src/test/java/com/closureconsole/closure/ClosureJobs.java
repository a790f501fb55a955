package com.closureconsole.closure;

import java.time.Duration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * What tests outside the closure package may do to it beyond its API: run the completion job now
 * and switch the console's own policies. The job and the policy stay package-private; a console
 * finds them only as Spring beans.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ClosureJobs {

    private final ClosureCompletionJob completion;
    private final ClosurePolicy policy;

    ClosureJobs(ClosureCompletionJob completion, ClosurePolicy policy) {
        this.completion = completion;
        this.policy = policy;
    }

    /** The same, for a console started by a test on a context of its own. */
    public static ClosureJobs of(ApplicationContext context) {
        return new ClosureJobs(context.getBean(ClosureCompletionJob.class), context.getBean(ClosurePolicy.class));
    }

    /** One pass of the completion job; answers how many requests it completed. */
    public int completeDue() {
        return completion.completeDue();
    }

    public void requireApproval(boolean required) {
        policy.setApprovalRequired(required);
    }

    public void coolingOff(Duration window) {
        policy.setCoolingOff(window);
    }

    /** Back to the defaults of the public flow: no approval, no cooling-off window. */
    public void defaultPolicy() {
        requireApproval(false);
        coolingOff(Duration.ZERO);
    }
}
