/**
 * Translations: every string the console shows comes from {@code i18n/messages_*.properties}
 * (Simplified Chinese and English) through Vaadin's {@link com.vaadin.flow.i18n.I18NProvider}.
 */
@NullMarked
package com.closureconsole.ui.i18n;

import org.jspecify.annotations.NullMarked;
