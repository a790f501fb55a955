/**
 * The closure's screens: the eligibility panel (verdict, pre-checks, the ten conditions), the guided
 * start-closure flow ({@code StartClosureDialog} hosting one component per step:
 * {@code IdentityStepPanel}, {@code CheckStepPanel}, {@code GiveUpStepPanel},
 * {@code ConfirmStepPanel}, {@code ResultStepPanel}), the closure requests list and grid, and the
 * supervisors' approvals queue with the notifications that failed for good. The account view
 * ({@code ui.account}) hosts the panel, the grid and the flow; nothing here depends on
 * {@code ui.account}.
 */
@NullMarked
package com.closureconsole.ui.closure;

import org.jspecify.annotations.NullMarked;
