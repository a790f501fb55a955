/** The agents' views: the account search (home) and one account with its eligibility. */
@NullMarked
package com.closureconsole.ui.account;

import org.jspecify.annotations.NullMarked;
