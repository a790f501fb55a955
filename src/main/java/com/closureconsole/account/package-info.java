/**
 * Wallet accounts: finding them by id, phone, email, name or linked Taobao id
 * ({@link com.closureconsole.account.AccountSearch}), their masked profile and the explicit,
 * audited reveal of personal data ({@link com.closureconsole.account.AccountDirectory}), and the
 * wallet facts the closure conditions read ({@link com.closureconsole.account.WalletFactsReader}).
 */
@NullMarked
package com.closureconsole.account;

import org.jspecify.annotations.NullMarked;
