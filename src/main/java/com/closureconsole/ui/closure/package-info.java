/** Starting a closure (the guided flow), the closure requests list, and the supervisors' approvals queue. */
@NullMarked
package com.closureconsole.ui.closure;

import org.jspecify.annotations.NullMarked;
