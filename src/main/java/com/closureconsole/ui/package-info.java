/**
 * The Vaadin user interface: the application shell ({@link com.closureconsole.ui.MainLayout}), the
 * translations, and one sub-package per feature's views. Views call the services of the other
 * modules and hold no business rules of their own.
 */
@NullMarked
package com.closureconsole.ui;

import org.jspecify.annotations.NullMarked;
