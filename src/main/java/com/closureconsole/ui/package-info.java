/**
 * The Vaadin user interface: the application shell ({@link com.closureconsole.ui.MainLayout}, the
 * language switch, the time-zone and number formats in {@link com.closureconsole.ui.Formats}), the
 * translations ({@code ui.i18n}), the error pages ({@code ui.error}) and one sub-package per
 * feature's views ({@code ui.account}, {@code ui.closure}, {@code ui.audit}). Views call the
 * services of the other modules, hold no business rules, repositories or entities, record nothing
 * in the audit themselves and leave database failures to {@code ui.error}.
 *
 * <p><b>Owns</b> no data. <b>API:</b> none; nothing depends on {@code ui}. <b>Uses</b> every module
 * but {@code operations}. Feature packages depend on the shell and on {@code ui.i18n}, and
 * {@code ui.account} on {@code ui.closure} (the account view hosts the eligibility panel, the
 * closure requests and the start of a closure), never the other way round.
 */
@NullMarked
package com.closureconsole.ui;

import org.jspecify.annotations.NullMarked;
