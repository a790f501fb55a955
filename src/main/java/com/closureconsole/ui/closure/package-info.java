/**
 * Starting a closure (the guided flow: {@code StartClosureDialog} hosting one component per step,
 * {@code IdentityStepPanel}, {@code CheckStepPanel}, {@code GiveUpStepPanel},
 * {@code ConfirmStepPanel}, {@code ResultStepPanel}), the closure requests list, and the
 * supervisors' approvals queue.
 */
package com.closureconsole.ui.closure;
