package com.closureconsole.closure.conditions;

import java.time.Instant;
import java.util.Optional;

import com.closureconsole.account.AccountFacts;

/** One of the ten closure conditions: blocks closure, or not, for an account at a moment. */
public interface ClosureCondition {

    ConditionCode code();

    /** The blocker when the condition holds for these facts at {@code now}; empty when it passes. */
    Optional<Blocker> evaluate(AccountFacts facts, Instant now);
}
