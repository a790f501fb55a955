/**
 * Wallet accounts: finding them by id, phone, email, name or linked Taobao id
 * ({@link com.closureconsole.account.AccountSearch}), their masked profile and the explicit,
 * audited reveal of personal data ({@link com.closureconsole.account.AccountDirectory}), and the
 * wallet facts the closure conditions read ({@link com.closureconsole.account.WalletFactsReader}).
 *
 * <p><b>Owns</b> the accounts, wallets and the rows that block a closure (transactions, agreements,
 * arrangements, security operations, disputes, restrictions, merchant contracts).
 * <b>API:</b> {@link com.closureconsole.account.AccountSearch} and
 * {@link com.closureconsole.account.AccountDirectory} for the views (both check the caller's role);
 * {@link com.closureconsole.account.WalletFactsReader} with
 * {@link com.closureconsole.account.AccountFacts} and {@link com.closureconsole.account.AccountLifecycle}
 * (status changes inside the caller's transaction) for the closure and notification modules;
 * {@link com.closureconsole.account.Money}; and the facts it publishes for the audit trail
 * ({@link com.closureconsole.account.AccountSearched}, {@link com.closureconsole.account.AccountViewed},
 * {@link com.closureconsole.account.PersonalDataRevealed} and its refusal), named by
 * {@link com.closureconsole.account.AccountAction}. <b>Uses</b> {@code audit} (its recording API)
 * and {@code shared} (masking, the account-id format); <b>used by</b> {@code checklist},
 * {@code closure}, {@code notification}, {@code operations} and {@code ui}.
 */
@NullMarked
package com.closureconsole.account;

import org.jspecify.annotations.NullMarked;
