/** What the console shows instead of a view: denied access and unknown addresses, never a stack trace. */
package com.closureconsole.ui.error;
