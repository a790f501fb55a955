/** Starting a closure (the guided flow), the closure requests list, and the supervisors' approvals queue. */
package com.closureconsole.ui.closure;
