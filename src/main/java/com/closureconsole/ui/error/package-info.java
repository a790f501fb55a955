/** What the console shows instead of a view: denied access and unknown addresses, never a stack trace. */
@NullMarked
package com.closureconsole.ui.error;

import org.jspecify.annotations.NullMarked;
