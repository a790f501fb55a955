/**
 * The ten closure conditions (注销条件), one small class each behind
 * {@link com.closureconsole.closure.conditions.ClosureCondition}. Each is a pure function of the
 * account's facts and the moment of evaluation.
 */
@NullMarked
@NamedInterface("conditions")
package com.closureconsole.closure.conditions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
