/**
 * The agents' views: the account search (home), and one account with its eligibility, the audited
 * reveal of personal data and the account's closure requests (components of {@code ui.closure}).
 */
@NullMarked
package com.closureconsole.ui.account;

import org.jspecify.annotations.NullMarked;
