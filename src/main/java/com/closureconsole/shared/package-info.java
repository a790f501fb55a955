/**
 * The shared kernel: the few rules that must read the same in every module and that no single
 * module can own without every other one depending on it. The masking of personal data
 * ({@link com.closureconsole.shared.Masking}) is used by the account module's grid and view, by the
 * closure module for free text, by the notification module for recipients and by the audit trail
 * as its last net; the format of an account id ({@link com.closureconsole.shared.AccountIds}) by
 * search, the account view and the audit filter. The audit module is used by the account, closure
 * and notification modules (they publish facts it records), so it could not use a masking rule
 * kept in any of them without a cycle; kept here, one rule serves all. This package depends on
 * nothing else of the console and holds no state; anything with a home module belongs there.
 */
@NullMarked
package com.closureconsole.shared;

import org.jspecify.annotations.NullMarked;
