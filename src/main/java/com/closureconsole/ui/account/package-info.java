/** The agents' views: the account search (home) and one account with its eligibility. */
package com.closureconsole.ui.account;
