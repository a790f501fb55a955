package com.closureconsole.operations;

import java.util.UUID;

import com.closureconsole.closure.SubmitClosure;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the closure's correlation id (the id that ties its audit entries together and becomes the
 * request's id) into the logging context as {@value #KEY} for as long as a step of the closure
 * runs: the checks, the submission, approval, rejection, cancellation, and the completion job's
 * work on each due request (completing it, recording a failed attempt, giving up). Structured logs carry it as a field of every line logged meanwhile.
 * It wraps the transaction and method security, so their log lines carry the id too.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CorrelationIdInLogs {

    static final String KEY = "correlationId";

    @Around("execution(public * com.closureconsole.closure.FlowSteps.*(..))"
            + " || execution(public * com.closureconsole.closure.ClosureSubmission.*(..))"
            + " || execution(public * com.closureconsole.closure.ClosureDecisions.*(..))"
            + " || execution(public * com.closureconsole.closure.ClosureCompletion.*(..))"
            + " || execution(public * com.closureconsole.closure.EligibilityService.*(..))")
    public @Nullable Object withCorrelationId(ProceedingJoinPoint call) throws Throwable {
        UUID id = correlationId(call.getArgs());
        if (id == null) {
            return call.proceed();
        }
        String outer = MDC.get(KEY);
        MDC.put(KEY, id.toString());
        try {
            return call.proceed();
        } finally {
            if (outer == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, outer);
            }
        }
    }

    /** The closure's id among a step's arguments: the flow or request id, or the submission's. */
    static @Nullable UUID correlationId(@Nullable Object[] arguments) {
        for (Object argument : arguments) {
            if (argument instanceof UUID id) {
                return id;
            }
            if (argument instanceof SubmitClosure submission) {
                return submission.flowId();
            }
        }
        return null;
    }
}
