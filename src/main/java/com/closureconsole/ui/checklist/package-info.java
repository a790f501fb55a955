/**
 * The customer's checklist on the account view: previewing the message exactly as the customer
 * will receive it, sending it, and the checklists sent with their delivery status
 * ({@link com.closureconsole.ui.checklist.CustomerChecklistPanel}).
 */
@NullMarked
package com.closureconsole.ui.checklist;

import org.jspecify.annotations.NullMarked;
