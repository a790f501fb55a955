/**
 * The ten closure conditions (注销条件), one small class each behind
 * {@link com.closureconsole.closure.conditions.ClosureCondition}. Each is a pure function of the
 * account's facts and the moment of evaluation.
 */
package com.closureconsole.closure.conditions;
