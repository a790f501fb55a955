/**
 * Closure: the pre-checks and the ten closure conditions
 * ({@link com.closureconsole.closure.EligibilityService}), and the closure workflow with its state
 * machine. Reads wallet facts through the account module; never through the UI.
 */
package com.closureconsole.closure;
